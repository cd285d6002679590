package app

import (
	"strings"
	"testing"

	"smsbuilder/data"
)

// TestTheFirstPersonAddedShowsTheTable: the introduction of an empty
// People screen gives way to the table as soon as someone is saved.
func TestTheFirstPersonAddedShowsTheTable(t *testing.T) {
	u, _ := newPlainUI(t)
	people, err := u.ws.People(u.ctx())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if _, err := u.ws.DeletePerson(u.ctx(), p); err != nil {
			t.Fatal(err)
		}
	}
	s := newPeopleScreen(u.env())
	o := s.content()
	if !strings.Contains(texts(o), "No people yet.") {
		t.Fatal("the empty screen does not introduce itself")
	}
	if _, err := u.ws.SavePerson(u.ctx(), data.Person{Name: "Alice Smith"}); err != nil {
		t.Fatal(err)
	}
	s.load()
	if strings.Contains(texts(o), "No people yet.") {
		t.Error("after the first person is saved the screen still says there is nobody")
	}
}
