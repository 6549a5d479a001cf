package amocrmtest

import "slices"

// Accessors for assertions and for changes "made by someone in amoCRM's web
// interface" while a client syncs. All return copies.

func copyLead(l *Lead) Lead {
	c := *l
	c.Tags = slices.Clone(l.Tags)
	return c
}

// Lead returns the lead with the ID, deleted or not.
func (s *Server) Lead(id int64) (Lead, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.st.lead(id)
	if l == nil {
		return Lead{}, false
	}
	return copyLead(l), true
}

// Leads returns every lead, deleted ones included, by ID.
func (s *Server) Leads() []Lead {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Lead, len(s.st.leads))
	for i, l := range s.st.leads {
		out[i] = copyLead(l)
	}
	return out
}

// Companies returns every company by ID.
func (s *Server) Companies() []Company {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Company, len(s.st.companies))
	for i, c := range s.st.companies {
		out[i] = *c
	}
	return out
}

// Tasks returns every task by ID.
func (s *Server) Tasks() []Task {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Task, len(s.st.tasks))
	for i, t := range s.st.tasks {
		out[i] = *t
	}
	return out
}

// Pipelines returns the pipelines with their statuses.
func (s *Server) Pipelines() []Pipeline {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Pipeline, len(s.st.pipelines))
	for i, p := range s.st.pipelines {
		out[i] = *p
		out[i].Statuses = slices.Clone(p.Statuses)
	}
	return out
}

// Users returns the users of the account.
func (s *Server) Users() []User {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]User, len(s.st.users))
	for i, u := range s.st.users {
		out[i] = *u
	}
	return out
}

// DeleteLeads deletes leads as a person would in amoCRM: they vanish from
// lists and single reads (204) and show up under with=only_deleted.
func (s *Server) DeleteLeads(ids ...int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for _, id := range ids {
		if l := s.st.lead(id); l != nil {
			l.Deleted, l.UpdatedAt = true, now
		}
	}
}

// UpdateLead changes a lead as a person would, stamping updated_at with the
// current time. It reports whether the lead exists.
func (s *Server) UpdateLead(id int64, change func(*Lead)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.st.lead(id)
	if l == nil {
		return false
	}
	change(l)
	l.ID = id
	l.UpdatedAt = s.now()
	return true
}
