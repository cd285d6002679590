package app

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// tailor does the author's work on a draft from a template: every prompt
// taken out, the defaults beside them kept.
func tailor(ed *documentEditor) {
	ed.text.SetText(data.RemovePrompts(ed.text.Text))
	ed.saveNow()
}

// A draft from a template shows its prompts: counted in the library,
// highlighted in the preview, and refused at approval by name until the
// author has tailored them.
func TestPromptsAreCountedHighlightedAndRefusedAtApproval(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenDocuments)
	s := u.screen.(*documentsScreen)
	tpl, _ := u.deps.Catalogue.Template("service-management-policy")
	doc, err := createFromTemplate(u.env(), tpl)
	if err != nil {
		t.Fatal(err)
	}
	want := data.Prompts(tpl.Body)
	if len(want) == 0 {
		t.Fatal("the policy template holds no prompt")
	}
	s.load()
	if got := s.cell(s.rows[0], 5); got != strconv.Itoa(len(want)) {
		t.Errorf("the library's Prompts column says %q, want %d", got, len(want))
	}

	s.showEditor(doc.ID)
	ed := s.editor
	var highlighted []string
	walk(ed.content(), func(o fyne.CanvasObject) {
		if rt, ok := o.(*widget.RichText); ok {
			for _, seg := range rt.Segments {
				if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.ColorName != "" && strings.HasPrefix(ts.Text, "[prompt: ") {
					highlighted = append(highlighted, ts.Text)
				}
			}
		}
	})
	if len(highlighted) != len(want) || highlighted[0] != data.PromptText(want[0]) {
		t.Errorf("the preview highlights %q, want each of %q", highlighted, want)
	}

	ed.move(data.SendForReview, data.Approval{})
	ed.onApprove()
	text := topDialogText(u.win)
	for _, w := range append([]string{"cannot be approved", "Replace each [[prompt: …]]"}, want...) {
		if !strings.Contains(text, w) {
			t.Errorf("the refusal lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "Change summary") {
		t.Error("the approve dialog opened over prompts")
	}
	dismissDialogs(u.win)

	ed.move(data.BackToDraft, data.Approval{})
	tailor(ed)
	ed.move(data.SendForReview, data.Approval{})
	ed.onApprove()
	if text := topDialogText(u.win); !strings.Contains(text, "Change summary") {
		t.Errorf("the approve dialog did not open once tailored:\n%s", text)
	}
}
