-- +goose Up
-- Our side calls them deals; "lead" is only amoCRM's word on the wire.
-- Tables, columns and indexes take the name the code uses.
alter table crm_leads rename to crm_deals;
alter index crm_leads_pkey rename to crm_deals_pkey;
alter index crm_leads_status_idx rename to crm_deals_status_idx;
alter index crm_leads_updated_idx rename to crm_deals_updated_idx;
alter index crm_leads_synced_idx rename to crm_deals_synced_idx;

alter table crm_tasks rename column lead_id to deal_id;
alter index crm_tasks_lead_idx rename to crm_tasks_deal_idx;

alter table crm_writes rename column lead_id to deal_id;
alter index crm_writes_lead_idx rename to crm_writes_deal_idx;

alter table crm_task_drafts rename column lead_id to deal_id;

-- +goose Down
alter table crm_task_drafts rename column deal_id to lead_id;

alter index crm_writes_deal_idx rename to crm_writes_lead_idx;
alter table crm_writes rename column deal_id to lead_id;

alter index crm_tasks_deal_idx rename to crm_tasks_lead_idx;
alter table crm_tasks rename column deal_id to lead_id;

alter index crm_deals_synced_idx rename to crm_leads_synced_idx;
alter index crm_deals_updated_idx rename to crm_leads_updated_idx;
alter index crm_deals_status_idx rename to crm_leads_status_idx;
alter index crm_deals_pkey rename to crm_leads_pkey;
alter table crm_deals rename to crm_leads;
