package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// registerScreenPrefix starts the id of a register group's screen; the
// group's name follows.
const registerScreenPrefix = "registers/"

// registerScreenDefs are the navigation's register entries: one per group
// that has registers, so that fourteen registers take three lines.
func registerScreenDefs() []screenDef {
	var out []screenDef
	for _, g := range data.RegisterGroups() {
		group := g
		for _, r := range data.Registers() {
			if r.Group == group {
				out = append(out, screenDef{registerScreenPrefix + group, group, theme.StorageIcon(),
					func(e *env) screen { return newRegisterScreen(e, group) }})
				break
			}
		}
	}
	return out
}

// registerScreen shows the registers of one navigation group, a tab each.
// Tabs rather than a list beside the table: at 1024 wide the table needs
// every pixel across, and a group holds a handful of registers whose
// titles fit a row of tabs.
type registerScreen struct {
	env   *env
	group string
	regs  []data.Register // with the fields users added
	views []*registerView // built when their tab is first shown
	tabs  *container.AppTabs
}

func newRegisterScreen(e *env, group string) *registerScreen {
	s := &registerScreen{env: e, group: group}
	all, err := e.ws.Registers(e.ctx())
	if err != nil {
		e.showErr(err)
	}
	for _, r := range all {
		if r.Group == group {
			s.regs = append(s.regs, r)
		}
	}
	s.views = make([]*registerView, len(s.regs))
	s.tabs = container.NewAppTabs()
	for _, r := range s.regs {
		s.tabs.Append(container.NewTabItem(r.Title, container.NewStack()))
	}
	s.tabs.OnSelected = func(*container.TabItem) { s.showTab(s.tabs.SelectedIndex()) }
	if len(s.regs) > 0 {
		s.showTab(0)
	}
	return s
}

// showTab builds the view of tab i the first time it is shown: opening
// a group reads one register, not all of them.
func (s *registerScreen) showTab(i int) {
	if i < 0 || i >= len(s.views) || s.views[i] != nil {
		return
	}
	s.setView(i, s.regs[i])
}

func (s *registerScreen) setView(i int, reg data.Register) {
	s.regs[i] = reg
	v := newRegisterView(s.env, reg)
	v.rebuilt = func(reg data.Register) { s.setView(i, reg) }
	s.views[i] = v
	stack := s.tabs.Items[i].Content.(*fyne.Container)
	stack.Objects = []fyne.CanvasObject{v.content()}
	stack.Refresh()
}

// current is the view on show, or nil.
func (s *registerScreen) current() *registerView {
	if i := s.tabs.SelectedIndex(); i >= 0 && i < len(s.views) {
		return s.views[i]
	}
	return nil
}

// showRegister brings the tab of register key to the front.
func (s *registerScreen) showRegister(key string) *registerView {
	for i, r := range s.regs {
		if r.Key == key {
			s.tabs.SelectIndex(i)
			s.showTab(i)
			return s.views[i]
		}
	}
	return nil
}

func (s *registerScreen) searchBox() fyne.Focusable {
	if v := s.current(); v != nil && v.search.Visible() {
		return v.search
	}
	return nil
}

// print prints the register on show as its own pack (File ▸ Print).
func (s *registerScreen) print() {
	if v := s.current(); v != nil {
		printPack(s.env, packRegister, v.reg.Title, reports.Options{Register: v.reg.Key})
	}
}

func (s *registerScreen) content() fyne.CanvasObject {
	return container.NewBorder(heading(s.group), nil, nil, nil, s.tabs)
}
