package deals

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"processet/amocrm"
	"processet/domain"
	"processet/notify"
)

// Errors a user can act on.
var (
	ErrNoCRM       = domain.NewError(domain.Invalid, domain.ErrKeyNoCRM)
	ErrUnreachable = domain.NewError(domain.Invalid, domain.ErrKeyResponsibleUnreachable)
	ErrBadPrice    = domain.NewError(domain.Invalid, domain.ErrKeyBadPrice)
)

// Message words a manager's message to a deal's responsible, for
// Telegram (HTML) and for e-mail.
type Message func(to domain.User, lang domain.Lang, from domain.User, d domain.Deal, text, dealURL string) (html, subject, mail string)

// store is the deals mirror and the record of writes to amoCRM;
// *storage.DB implements it.
type store interface {
	Deals(ctx context.Context, f domain.DealFilter) ([]domain.Deal, int, error)
	Deal(ctx context.Context, id int64) (domain.Deal, error)
	DealTasks(ctx context.Context, dealID int64) ([]domain.CRMTask, error)
	PipelineStatuses(ctx context.Context, pipelineID int64) ([]domain.PipelineStatus, error)
	CRMUsers(ctx context.Context) ([]domain.CRMUser, error)
	UserByCRMUser(ctx context.Context, crmUserID int64) (domain.User, error)
	RecordCRMWrite(ctx context.Context, actorID int64, action string, dealID int64, detail, result string) error
}

// account is the amoCRM account the writes go to; *amocrm.Client
// implements it. Its types are amoCRM's wire format, which stays here.
type account interface {
	UpdateLeads(ctx context.Context, updates []amocrm.LeadUpdate) ([]amocrm.UpdatedLead, error)
	CreateTasks(ctx context.Context, tasks []amocrm.NewTask) ([]amocrm.CreatedTask, error)
	TaskTypes(ctx context.Context) ([]amocrm.TaskType, error)
}

// mirror brings single deals and tasks over from amoCRM after a write;
// *crmsync.Syncer implements it.
type mirror interface {
	SyncDeals(ctx context.Context, ids ...int64) error
	SyncTasks(ctx context.Context, ids ...int64) error
}

// outbox delivers the messages to responsibles; *notify.Outbox
// implements it.
type outbox interface {
	Enqueue(ctx context.Context, msgs ...notify.Message) error
}

// Service is the deals area: what the bot reads of deals and what it does
// to them.
type Service struct {
	db      store
	client  account // nil when amoCRM is not connected
	syncer  mirror  // nil when amoCRM is not connected
	outbox  outbox
	word    Message
	baseURL string
	log     *slog.Logger

	typesMu sync.Mutex
	types   []domain.CRMTaskType
	typesAt time.Time
}

// New returns the service; client and syncer are nil (untyped) without
// amoCRM.
func New(db store, client account, syncer mirror, outbox outbox, word Message, baseURL string, log *slog.Logger) *Service {
	if log == nil {
		log = slog.Default()
	}
	return &Service{db: db, client: client, syncer: syncer, outbox: outbox, word: word, baseURL: baseURL, log: log}
}

// Deals is a page of the active deals and how many there are in all.
func (s *Service) Deals(ctx context.Context, f domain.DealFilter) ([]domain.Deal, int, error) {
	return s.db.Deals(ctx, f)
}

// Deal is one deal that has not been deleted.
func (s *Service) Deal(ctx context.Context, id int64) (domain.Deal, error) { return s.db.Deal(ctx, id) }

// DealTasks are a deal's open amoCRM tasks, the nearest deadline first.
func (s *Service) DealTasks(ctx context.Context, dealID int64) ([]domain.CRMTask, error) {
	return s.db.DealTasks(ctx, dealID)
}

// PipelineStatuses are a pipeline's statuses in their order.
func (s *Service) PipelineStatuses(ctx context.Context, pipelineID int64) ([]domain.PipelineStatus, error) {
	return s.db.PipelineStatuses(ctx, pipelineID)
}

// CRMUsers are the account's users by name, deactivated ones included.
func (s *Service) CRMUsers(ctx context.Context) ([]domain.CRMUser, error) { return s.db.CRMUsers(ctx) }

// URL is the deal's page in amoCRM; empty without amoCRM.
func (s *Service) URL(id int64) string {
	if s.baseURL == "" {
		return ""
	}
	return s.baseURL + "/leads/detail/" + strconv.FormatInt(id, 10)
}

// AccountURL is amoCRM's deals page; empty without amoCRM.
func (s *Service) AccountURL() string {
	if s.baseURL == "" {
		return ""
	}
	return s.baseURL + "/leads/"
}

// write runs one change against amoCRM for a manager, syncs the deal back
// and records who did what with what result.
func (s *Service) write(ctx context.Context, actor domain.User, action string, dealID int64, detail string, do func() error) error {
	if !domain.CanActOnDeals(actor) {
		return domain.ErrForbidden
	}
	if s.client == nil {
		return ErrNoCRM
	}
	err := do()
	result := "ok"
	if err != nil {
		result = err.Error()
	}
	if rerr := s.db.RecordCRMWrite(ctx, actor.ID, action, dealID, detail, result); rerr != nil {
		s.log.ErrorContext(ctx, "record crm write", "err", rerr)
	}
	if err != nil {
		return translate(err)
	}
	if err := s.syncer.SyncDeals(ctx, dealID); err != nil {
		// amoCRM has the change; the next periodic sync brings it over.
		s.log.WarnContext(ctx, "sync deal after a write", "deal", dealID, "err", err)
	}
	return nil
}

// translate turns amoCRM's refusals into messages the user can act on.
func translate(err error) error {
	var ve *amocrm.ValidationError
	if errors.As(err, &ve) {
		return &domain.Error{Code: domain.Invalid, Key: domain.ErrKeyCRMRejected, Err: err}
	}
	if errors.Is(err, amocrm.ErrAccountBlocked) {
		return &domain.Error{Code: domain.Invalid, Key: domain.ErrKeyCRMBlocked, Err: err}
	}
	return err
}

// Move puts a deal into another status of its pipeline.
func (s *Service) Move(ctx context.Context, actor domain.User, d domain.Deal, statusID int64) error {
	return s.write(ctx, actor, "move", d.ID, fmt.Sprintf("status %d → %d", d.StatusID, statusID), func() error {
		_, err := s.client.UpdateLeads(ctx, []amocrm.LeadUpdate{{ID: d.ID, StatusID: &statusID, PipelineID: &d.PipelineID}})
		return err
	})
}

// SetResponsible gives a deal to another amoCRM user.
func (s *Service) SetResponsible(ctx context.Context, actor domain.User, d domain.Deal, userID int64) error {
	return s.write(ctx, actor, "responsible", d.ID, fmt.Sprintf("%d → %d", d.ResponsibleID, userID), func() error {
		_, err := s.client.UpdateLeads(ctx, []amocrm.LeadUpdate{{ID: d.ID, ResponsibleUserID: &userID}})
		return err
	})
}

// SetPrice changes a deal's sum.
func (s *Service) SetPrice(ctx context.Context, actor domain.User, d domain.Deal, price int64) error {
	if !domain.ValidDealPrice(price) {
		return ErrBadPrice
	}
	return s.write(ctx, actor, "price", d.ID, fmt.Sprintf("%d → %d", d.Price, price), func() error {
		_, err := s.client.UpdateLeads(ctx, []amocrm.LeadUpdate{{ID: d.ID, Price: &price}})
		return err
	})
}

// CreateTask creates an amoCRM task on a deal, for the deal's responsible
// unless someone else is named, of the follow-up type unless another is.
func (s *Service) CreateTask(ctx context.Context, actor domain.User, d domain.Deal, text string, due time.Time, responsible, typeID int64) error {
	if responsible == 0 {
		responsible = d.ResponsibleID
	}
	if typeID == 0 {
		typeID = domain.CRMTaskTypeFollowUp
	}
	var created []amocrm.CreatedTask
	err := s.write(ctx, actor, "task", d.ID, text, func() error {
		var err error
		created, err = s.client.CreateTasks(ctx, []amocrm.NewTask{{Text: text, CompleteTill: due,
			TaskTypeID: typeID, ResponsibleUserID: responsible, EntityType: amocrm.EntityLeads, EntityID: d.ID}})
		return err
	})
	if err != nil {
		return err
	}
	ids := make([]int64, len(created))
	for i, c := range created {
		ids[i] = c.ID
	}
	if err := s.syncer.SyncTasks(ctx, ids...); err != nil {
		s.log.WarnContext(ctx, "sync tasks after creating", "err", err)
	}
	return nil
}

// MessageResponsible passes a manager's message about a deal to its
// responsible: in Telegram when the amoCRM user is linked to a bot user,
// otherwise by e-mail. It reports which way it went ("telegram", "email").
// source names what the text came in, such as the chat and message ID of
// the typed answer: the outbox key derives from it, as notify.Message
// asks, so the same answer handled twice is delivered once.
func (s *Service) MessageResponsible(ctx context.Context, actor domain.User, d domain.Deal, text, source string) (string, error) {
	if !domain.CanActOnDeals(actor) {
		return "", domain.ErrForbidden
	}
	key := fmt.Sprintf("deal-message:%d:%d:%s", d.ID, actor.ID, source)
	if to, err := s.db.UserByCRMUser(ctx, d.ResponsibleID); err == nil && to.Role.Approved() {
		html, _, _ := s.word(to, to.Language(), actor, d, text, s.URL(d.ID))
		err := s.outbox.Enqueue(ctx, notify.Message{Key: key, Telegram: &notify.Telegram{ChatID: to.ID, Text: html}})
		return "telegram", s.record(ctx, actor, d, "message telegram", err)
	}
	users, err := s.db.CRMUsers(ctx)
	if err != nil {
		return "", err
	}
	for _, u := range users {
		if u.ID == d.ResponsibleID && u.Email != "" {
			_, subject, mail := s.word(domain.User{FirstName: u.Name}, domain.LangRU, actor, d, text, s.URL(d.ID))
			err := s.outbox.Enqueue(ctx, notify.Message{Key: key, Email: &notify.Email{To: u.Email, Subject: subject, Text: mail}})
			if errors.Is(err, notify.ErrEmailDisabled) {
				return "", ErrUnreachable
			}
			return "email", s.record(ctx, actor, d, "message email", err)
		}
	}
	return "", ErrUnreachable
}

func (s *Service) record(ctx context.Context, actor domain.User, d domain.Deal, action string, err error) error {
	result := "queued"
	if err != nil {
		result = err.Error()
	}
	if rerr := s.db.RecordCRMWrite(ctx, actor.ID, action, d.ID, "", result); rerr != nil {
		s.log.ErrorContext(ctx, "record crm write", "err", rerr)
	}
	return err
}

// TaskTypes lists the account's task types: the standard ones and its
// own. They change rarely, so the list is kept for ten minutes.
func (s *Service) TaskTypes(ctx context.Context) ([]domain.CRMTaskType, error) {
	if s.client == nil {
		return []domain.CRMTaskType{{ID: domain.CRMTaskTypeFollowUp}, {ID: domain.CRMTaskTypeMeeting}}, nil
	}
	s.typesMu.Lock()
	defer s.typesMu.Unlock()
	if time.Since(s.typesAt) < 10*time.Minute && len(s.types) > 0 {
		return s.types, nil
	}
	types, err := s.client.TaskTypes(ctx)
	if err != nil {
		return nil, translate(err)
	}
	// A new slice: callers may still read the one handed out before.
	fresh := make([]domain.CRMTaskType, 0, len(types))
	for _, t := range types {
		fresh = append(fresh, domain.CRMTaskType{ID: t.ID, Name: t.Name})
	}
	s.types = fresh
	s.typesAt = time.Now()
	return s.types, nil
}
