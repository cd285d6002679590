package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"smsbuilder/data"
)

// typeKeys sends runes as the driver does: to the focused widget, or to the
// window when nothing has the focus.
func typeKeys(c fyne.Canvas, chars string) {
	if f := c.Focused(); f != nil {
		test.Type(f, chars)
		return
	}
	test.TypeOnCanvas(c, chars)
}

// pressKey sends a key as the driver does.
func pressKey(c fyne.Canvas, k fyne.KeyName) {
	e := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(e)
		return
	}
	c.OnTypedKey()(e)
}

func newGapUI(t *testing.T) (*UI, *gapScreen) {
	t.Helper()
	u, _ := newPlainUI(t)
	if _, err := u.Workspace().SaveAssessment(u.ctx(), data.Assessment{Title: "Baseline", Date: fixedNow()}); err != nil {
		t.Fatal(err)
	}
	u.show(screenGap)
	return u, u.screen.(*gapScreen)
}

func TestGapNotApplicableByKeyboardThenTheNextDigitScoresTheNextQuestion(t *testing.T) {
	u, g := newGapUI(t)
	c := u.win.Canvas()
	first, second := g.questions[0].ID, g.questions[1].ID
	typeKeys(c, "n")
	if text := topDialogText(u.win); !strings.Contains(text, "Why does this not apply?") {
		t.Fatalf("dialog after N shows %q, want the question why", text)
	}
	if _, ok := c.Focused().(*cancelEntry); !ok {
		t.Fatalf("focus after N is on %T, want the reason field", c.Focused())
	}
	typeKeys(c, "We have no internal suppliers.")
	pressKey(c, fyne.KeyReturn)
	if top := c.Overlays().Top(); top != nil {
		t.Fatalf("dialog still open after Enter: %q", topDialogText(u.win))
	}
	if c.Focused() != g.list {
		t.Fatalf("focus after Enter is on %T, want the question list", c.Focused())
	}
	typeKeys(c, "3")

	answers, err := u.Workspace().Answers(u.ctx(), g.current.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := answers[first].Score, data.MaturityNA; got != want {
		t.Errorf("first question score = %d, want not applicable (%d)", got, want)
	}
	if got, want := answers[first].NAReason, "We have no internal suppliers."; got != want {
		t.Errorf("first question reason = %q, want %q", got, want)
	}
	if got, want := answers[second].Score, 3; got != want {
		t.Errorf("second question score = %d, want %d", got, want)
	}
	if got, want := g.index, 2; got != want {
		t.Errorf("open question after scoring = %d, want %d", got, want)
	}
	if got, want := len(answers), 2; got != want {
		t.Errorf("answers stored = %d, want %d", got, want)
	}
}

func TestGapNotApplicableWithoutAReasonAsksForItInPlainWords(t *testing.T) {
	u, g := newGapUI(t)
	c := u.win.Canvas()
	typeKeys(c, "N")
	pressKey(c, fyne.KeyReturn)
	text := topDialogText(u.win)
	if !strings.Contains(text, "Say why the question does not apply.") {
		t.Fatalf("dialog after an empty reason shows %q, want a request for the reason", text)
	}
	if bad := goIdentifier(text); bad != "" {
		t.Errorf("dialog text %q names %q", text, bad)
	}
	if _, ok := g.answers[g.questions[0].ID]; ok {
		t.Error("not applicable without a reason was saved")
	}
	typeKeys(c, "Out of scope.")
	pressKey(c, fyne.KeyReturn)
	if got := g.answers[g.questions[0].ID]; got.Score != data.MaturityNA || got.NAReason != "Out of scope." {
		t.Errorf("answer = %+v, want not applicable, out of scope", got)
	}
}

func TestGapEscapeCancelsTheReasonAndTheListKeepsTheKeys(t *testing.T) {
	u, g := newGapUI(t)
	c := u.win.Canvas()
	typeKeys(c, "n")
	typeKeys(c, "half a reason")
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("dialog still open after Escape")
	}
	if len(g.answers) != 0 {
		t.Errorf("answers after Escape = %v, want none", g.answers)
	}
	if c.Focused() != g.list || g.index != 0 {
		t.Fatalf("after Escape focus is on %T and question %d is open, want the list on question 0", c.Focused(), g.index)
	}
	typeKeys(c, "2")
	pressKey(c, fyne.KeyUp)
	if got := g.answers[g.questions[0].ID].Score; got != 2 || g.index != 0 {
		t.Errorf("score = %d on question %d, want 2 and back on question 0", got, g.index)
	}
}

// goIdentifier is the first Go-style identifier in text, or "".
func goIdentifier(text string) string {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
		for i := 1; i < len(w); i++ {
			if w[i-1] >= 'a' && w[i-1] <= 'z' && w[i] >= 'A' && w[i] <= 'Z' {
				return w
			}
		}
		if len(w) > 2 && strings.ToUpper(w[:2]) == w[:2] && strings.ToLower(w[2:3]) == w[2:3] {
			return w
		}
	}
	return ""
}

func TestGapOpensWithTheKeysOnTheQuestionList(t *testing.T) {
	u, _ := newGapUI(t)
	c := u.win.Canvas()
	u.show(screenDashboard)
	c.Focus(u.nav) // as a click on the navigation leaves it
	u.show(screenGap)
	g := u.screen.(*gapScreen)
	if c.Focused() != g.list {
		t.Fatalf("focus on the gap screen is on %T, want the question list", c.Focused())
	}
	typeKeys(c, "4")
	if got := g.answers[g.questions[0].ID].Score; got != 4 {
		t.Errorf("first question score = %d, want 4", got)
	}
}

// Leaving the gap screen takes its keys with it: N or a digit typed on the
// next screen neither asks why a question does not apply nor scores one.
func TestGapKeysStayOnTheGapScreen(t *testing.T) {
	u, g := newGapUI(t)
	c := u.win.Canvas()
	u.show(screenPeople)
	typeKeys(c, "n3")
	if text := topDialogText(u.win); text != "" {
		t.Errorf("N on the People screen opened %q, want nothing", text)
	}
	answers, err := u.Workspace().Answers(u.ctx(), g.current.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(answers), 0; got != want {
		t.Errorf("answers stored after typing on the People screen = %d, want %d", got, want)
	}
}
