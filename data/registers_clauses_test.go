package data_test

import (
	"testing"

	"smsbuilder/data"
)

// TestRegisterClausesExist keeps every register's clauses among those of
// the catalogue, so a printed register never cites a clause the standard
// does not have.
func TestRegisterClausesExist(t *testing.T) {
	cat := loadEmbedded(t)
	for _, r := range data.Registers() {
		for _, c := range r.Clauses {
			if _, ok := cat.Clause(c); !ok {
				t.Errorf("register %s cites clause %s, which the catalogue does not have", r.Key, c)
			}
		}
	}
}
