package amocrm_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"processet/amocrm"
	"processet/amocrm/amocrmtest"
)

// TestUpdateLeadsVisibleOnNextRead moves a lead to won, reassigns and
// reprices another, and reads both back through an incremental query.
func TestUpdateLeadsVisibleOnNextRead(t *testing.T) {
	srv := fastServer(t)
	leads := srv.AddLeads(5)
	c := fastClient(t, srv)
	start := time.Now().Add(-time.Second)
	pipeline := leads[0].PipelineID
	manager := srv.Users()[3].ID

	done, err := c.UpdateLeads(context.Background(), []amocrm.LeadUpdate{
		{ID: leads[0].ID, StatusID: new(int64(amocrm.StatusWon)), PipelineID: &pipeline},
		{ID: leads[1].ID, ResponsibleUserID: &manager, Price: new(int64(125000))},
	})
	if err != nil {
		t.Fatalf("UpdateLeads: %v", err)
	}
	if len(done) != 2 || done[0].ID != leads[0].ID || done[0].RequestID != "0" || done[1].RequestID != "1" || done[0].UpdatedAt.IsZero() {
		t.Errorf("UpdateLeads = %+v", done)
	}

	got := map[int64]amocrm.Lead{}
	for _, l := range allLeads(t, c, amocrm.LeadQuery{UpdatedFrom: start}) {
		got[l.ID] = l
	}
	if len(got) != 2 {
		t.Fatalf("incremental read returned %d leads, want the 2 updated", len(got))
	}
	won := got[leads[0].ID]
	if won.StatusID != amocrm.StatusWon || won.PipelineID != pipeline || won.ClosedAt.IsZero() || won.UpdatedBy != srv.Users()[0].ID {
		t.Errorf("won lead = %+v", won)
	}
	moved := got[leads[1].ID]
	if moved.ResponsibleUserID != manager || moved.Price != 125000 || moved.StatusID != leads[1].StatusID {
		t.Errorf("reassigned lead = %+v", moved)
	}
}

func TestUpdateLeadsValidation(t *testing.T) {
	srv := fastServer(t)
	srv.Seed(amocrmtest.Data{Leads: []amocrmtest.Lead{{ID: 500, Name: "Аудит процессов"}}}) // main pipeline
	lead, _ := srv.Lead(500)
	c := fastClient(t, srv)
	other := srv.Pipelines()[1]
	tests := []struct {
		name   string
		update amocrm.LeadUpdate
		code   string
		path   string
	}{
		{"status of another pipeline", amocrm.LeadUpdate{ID: lead.ID, StatusID: &other.Statuses[1].ID}, "NotSupportedChoice", "status_id"},
		{"unknown pipeline", amocrm.LeadUpdate{ID: lead.ID, StatusID: new(int64(amocrm.StatusLost)), PipelineID: new(int64(1))}, "NotSupportedChoice", "pipeline_id"},
		{"negative price", amocrm.LeadUpdate{ID: lead.ID, Price: new(int64(-5))}, "GreaterThanOrEqual", "price"},
		{"unknown user", amocrm.LeadUpdate{ID: lead.ID, ResponsibleUserID: new(int64(7))}, "NotSupportedChoice", "responsible_user_id"},
		{"unknown lead", amocrm.LeadUpdate{ID: 5, Price: new(int64(1))}, "NotSupportedChoice", "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok := amocrm.LeadUpdate{ID: lead.ID, Price: new(int64(10))}
			_, err := c.UpdateLeads(context.Background(), []amocrm.LeadUpdate{ok, tt.update})
			var v *amocrm.ValidationError
			if !errors.As(err, &v) {
				t.Fatalf("err = %v, want *ValidationError", err)
			}
			if len(v.Errors) != 1 || v.Errors[0].RequestID != "1" || v.Errors[0].Code != tt.code || v.Errors[0].Path != tt.path {
				t.Errorf("errors = %+v, want item 1: %s at %s", v.Errors, tt.code, tt.path)
			}
			if !strings.Contains(err.Error(), "item 1: "+tt.path+": ") {
				t.Errorf("summary %q does not name item 1 and %s", err, tt.path)
			}
			if l, _ := srv.Lead(lead.ID); l.Price == 10 {
				t.Error("the valid item of a rejected batch was applied")
			}
		})
	}
}

func TestUpdateLeadsClosingNeedsPipeline(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv)
	_, err := c.UpdateLeads(context.Background(), []amocrm.LeadUpdate{{ID: 1, StatusID: new(int64(amocrm.StatusLost))}})
	if err == nil {
		t.Fatal("no error for 143 without a pipeline")
	}
	if got := srv.Calls("PATCH /api/v4/leads"); got != 0 {
		t.Errorf("sent %d requests, want none", got)
	}
}

func TestUpdateLeadsInBatches(t *testing.T) {
	srv := fastServer(t)
	leads := srv.AddLeads(120)
	c := fastClient(t, srv)
	updates := make([]amocrm.LeadUpdate, len(leads))
	for i, l := range leads {
		updates[i] = amocrm.LeadUpdate{ID: l.ID, Price: new(int64(i))}
	}
	done, err := c.UpdateLeads(context.Background(), updates)
	if err != nil {
		t.Fatalf("UpdateLeads: %v", err)
	}
	if got := srv.Calls("PATCH /api/v4/leads"); got != 3 {
		t.Errorf("PATCH requests = %d, want 3 batches", got)
	}
	if len(done) != 120 || done[119].RequestID != "119" || done[119].ID != leads[119].ID {
		t.Errorf("got %d results, last %+v", len(done), done[len(done)-1])
	}
	if updates[0].RequestID != "" {
		t.Error("UpdateLeads changed the caller's slice")
	}
}

func TestCreateTasksVisibleOnNextRead(t *testing.T) {
	srv := fastServer(t)
	lead := srv.AddLeads(1)[0]
	c := fastClient(t, srv)
	due := time.Date(2026, 9, 1, 15, 0, 0, 0, time.UTC)
	created, err := c.CreateTasks(context.Background(), []amocrm.NewTask{
		{Text: "Перезвонить клиенту", CompleteTill: due, TaskTypeID: amocrm.TaskTypeFollowUp, EntityType: amocrm.EntityLeads, EntityID: lead.ID},
		{Text: "Встреча в офисе", CompleteTill: due, TaskTypeID: amocrm.TaskTypeMeeting, Duration: time.Hour, RequestID: "meet"},
	})
	if err != nil {
		t.Fatalf("CreateTasks: %v", err)
	}
	if len(created) != 2 || created[0].ID == 0 || created[0].RequestID != "0" || created[1].RequestID != "meet" {
		t.Fatalf("CreateTasks = %+v", created)
	}
	var got []amocrm.Task
	err = c.Tasks(context.Background(), amocrm.TaskQuery{EntityType: amocrm.EntityLeads, EntityIDs: []int64{lead.ID}}, 1, func(p amocrm.Page[amocrm.Task]) error {
		got = append(got, p.Items...)
		return nil
	})
	if err != nil {
		t.Fatalf("Tasks: %v", err)
	}
	if len(got) != 1 || got[0].ID != created[0].ID || got[0].Text != "Перезвонить клиенту" || !got[0].CompleteTill.Equal(due) ||
		got[0].EntityID != lead.ID || got[0].ResponsibleUserID != srv.Users()[0].ID || got[0].IsCompleted {
		t.Errorf("Tasks = %+v", got)
	}
}

func TestCreateTasksValidation(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv)
	_, err := c.CreateTasks(context.Background(), []amocrm.NewTask{
		{Text: "Позвонить", CompleteTill: time.Now().Add(time.Hour)},
		{Text: "Без срока"},
		{CompleteTill: time.Now(), TaskTypeID: 99},
	})
	var v *amocrm.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("err = %v, want *ValidationError", err)
	}
	want := []amocrm.FieldError{
		{RequestID: "1", Code: "NotBlank", Path: "complete_till", Detail: "This value should not be blank."},
		{RequestID: "2", Code: "NotBlank", Path: "text", Detail: "This value should not be blank."},
		{RequestID: "2", Code: "NotSupportedChoice", Path: "task_type_id", Detail: "The value you selected is not a valid choice."},
	}
	if len(v.Errors) != len(want) {
		t.Fatalf("errors = %+v, want %+v", v.Errors, want)
	}
	for i := range want {
		if v.Errors[i] != want[i] {
			t.Errorf("error %d = %+v, want %+v", i, v.Errors[i], want[i])
		}
	}
	if n := len(srv.Tasks()); n != 0 {
		t.Errorf("%d tasks created by a rejected batch", n)
	}
}

func TestTasksFilters(t *testing.T) {
	srv := fastServer(t)
	srv.AddLeads(20)
	all := srv.AddTasks(300)
	c := fastClient(t, srv)
	done := true
	var got []amocrm.Task
	err := c.Tasks(context.Background(), amocrm.TaskQuery{Completed: &done}, 1, func(p amocrm.Page[amocrm.Task]) error {
		got = append(got, p.Items...)
		return nil
	})
	if err != nil {
		t.Fatalf("Tasks: %v", err)
	}
	want := 0
	for _, tk := range all {
		if tk.Completed {
			want++
		}
	}
	if len(got) != want || want == 0 {
		t.Errorf("completed tasks = %d, want %d", len(got), want)
	}
	for _, tk := range got {
		if !tk.IsCompleted {
			t.Fatalf("open task %d in a completed-only list", tk.ID)
		}
	}
}

// TestTaskResultShapes feeds the shapes "result" takes in the wild.
func TestTaskResultShapes(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv)
	for _, tt := range []struct{ raw, want string }{
		{`"result":{"text":"Результат есть"},`, "Результат есть"},
		{`"result":[],`, ""},
		{`"result":{},`, ""},
		{`"result":null,`, ""},
		{``, ""},
	} {
		srv.FailNext(200, `{"_page":1,"_embedded":{"tasks":[{"id":56981,`+tt.raw+`"text":"Назначить встречу","complete_till":1575910423}]}}`)
		var got []amocrm.Task
		err := c.Tasks(context.Background(), amocrm.TaskQuery{}, 1, func(p amocrm.Page[amocrm.Task]) error {
			got = p.Items
			return nil
		})
		if err != nil || len(got) != 1 || got[0].Result != tt.want || got[0].ID != 56981 {
			t.Errorf("%s: got %+v, %v; want result %q", tt.raw, got, err, tt.want)
		}
	}
}
