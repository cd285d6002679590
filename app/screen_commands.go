package app

import (
	"fyne.io/fyne/v2"

	"smsbuilder/reports"
)

// What each screen offers to Find, Print and Undo (commands.go). Print
// reuses the Packs screen's flow: it says so when the pack would be empty,
// asks where to save, shows progress and offers to open the PDF.

func (s *tasksScreen) searchBox() fyne.Focusable     { return s.search }
func (s *tasksScreen) undoable() *undoableDelete     { return s.deletion }
func (s *peopleScreen) searchBox() fyne.Focusable    { return s.search }
func (s *peopleScreen) undoable() *undoableDelete    { return s.deletion }
func (s *documentsScreen) searchBox() fyne.Focusable { return s.search }

// undoable is the delete the register on show can undo.
func (s *registerScreen) undoable() *undoableDelete {
	if v := s.current(); v != nil {
		return v.deletion
	}
	return nil
}

// print prints the document open in the editor or chosen in the list, and
// else the policy manual.
func (s *documentsScreen) print() {
	doc := -1
	if s.selected >= 0 && s.selected < len(s.shown) {
		doc = s.selected
	}
	inLibrary := walkObjects(s.root, func(o fyne.CanvasObject) bool { return o == s.search })
	switch {
	case !inLibrary && s.editor != nil:
		d := s.editor.doc
		printPack(s.env, packDocument, d.Number+" "+d.Title, reports.Options{DocumentNumber: d.Number})
	case doc >= 0:
		d := s.shown[doc].doc
		printPack(s.env, packDocument, d.Number+" "+d.Title, reports.Options{DocumentNumber: d.Number})
	default:
		printPack(s.env, "manual", "", reports.Options{})
	}
}

// print prints the gap report of the assessment on show.
func (s *gapScreen) print() {
	printPack(s.env, packGap, "", reports.Options{AssessmentID: s.current.ID})
}

// print prints the implementation plan.
func (s *roadmapScreen) print() { printPack(s.env, "roadmap", "", reports.Options{}) }

// print prints the scope and organisation profile.
func (s *organisationScreen) print() { printPack(s.env, "scope", "", reports.Options{}) }
