package app

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// organisationScreen edits the organisation profile and the scope of the SMS.
type organisationScreen struct {
	env   *env
	saved data.Organisation

	legalName, shortName, address *textField
	scope, exclusions             *textField
	services, locations           *textField
	paper, dateFormat             *widget.Select
	iso9001, iso27001             *widget.Select
	planDays, evidenceDays        *textField
	evidenceLimit                 *textField
	logo                          []byte
	logoImage                     *canvas.Image
	logoInfo                      *widget.Label
	removeLogo                    *widget.Button
	problems                      fieldProblems
	status                        *widget.Label
	save, revert                  *widget.Button
}

func newOrganisationScreen(e *env) *organisationScreen {
	s := &organisationScreen{env: e, problems: fieldProblems{}}
	multi := func(rows int) *textField {
		en := newMultiLineField()
		en.Wrapping = fyne.TextWrapWord
		en.SetMinRowsVisible(rows)
		return en
	}
	s.legalName = newField()
	s.legalName.PlaceHolder = lang.L("For example: Northwind Managed IT Ltd") // an example, not a value it seems to hold
	s.shortName = newField()
	s.shortName.PlaceHolder = lang.L("For example: Northwind")
	s.address = multi(3)
	s.scope = multi(5)
	s.exclusions = multi(3)
	s.services = multi(4)
	s.services.PlaceHolder = lang.L("One service per line")
	s.locations = multi(3)
	s.locations.PlaceHolder = lang.L("One location per line")
	for _, en := range []*textField{s.legalName, s.shortName} {
		en.OnSubmitted = func(string) { s.onSave() }
	}
	var papers, formats []string
	for _, p := range data.PaperSizes() {
		papers = append(papers, string(p))
	}
	for _, f := range data.DateFormats() {
		formats = append(formats, f.Example())
	}
	s.paper = widget.NewSelect(papers, nil)
	s.dateFormat = widget.NewSelect(formats, nil)
	var statuses []string
	for _, st := range data.StandardStatuses() {
		statuses = append(statuses, standardStatusLabel(st))
	}
	s.iso9001 = widget.NewSelect(statuses, nil)
	s.iso27001 = widget.NewSelect(statuses, nil)
	s.planDays, s.evidenceDays, s.evidenceLimit = newField(), newField(), newField()
	s.logoImage = canvas.NewImageFromResource(nil)
	s.logoImage.FillMode = canvas.ImageFillContain
	s.logoImage.SetMinSize(fyne.NewSize(160, 64))
	s.logoInfo = widget.NewLabel("")
	s.removeLogo = widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), s.onRemoveLogo)
	s.status = widget.NewLabel("")
	s.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.revert = widget.NewButtonWithIcon(lang.L("Revert"), theme.ContentUndoIcon(), s.onRevert)
	s.load()
	e.onSave(s.onSave)
	return s
}

func (s *organisationScreen) load() {
	o, err := s.env.ws.Organisation(s.env.ctx())
	if err != nil {
		s.env.showErr(err)
		return
	}
	s.saved = o
	s.show(o)
}

func (s *organisationScreen) show(o data.Organisation) {
	s.legalName.SetText(o.LegalName)
	s.shortName.SetText(o.ShortName)
	s.address.SetText(o.Address)
	s.scope.SetText(o.ScopeStatement)
	s.exclusions.SetText(o.Exclusions)
	s.services.SetText(strings.Join(o.Services, "\n"))
	s.locations.SetText(strings.Join(o.Locations, "\n"))
	s.paper.SetSelected(string(o.PaperSize))
	s.dateFormat.SetSelected(o.DateFormat.Example())
	s.iso9001.SetSelected(standardStatusLabel(o.ISO9001))
	s.iso27001.SetSelected(standardStatusLabel(o.ISO27001))
	o = o.WithSettingDefaults()
	s.planDays.SetText(strconv.Itoa(o.CorrectionPlanDays))
	s.evidenceDays.SetText(strconv.Itoa(o.EvidenceDays))
	s.evidenceLimit.SetText(strconv.Itoa(o.EvidenceLimitMB))
	s.setLogo(o.Logo)
	for _, l := range s.problems {
		l.Hide()
	}
	s.problems.flag(o.Unreadable)
}

// value reads the form into an organisation.
func (s *organisationScreen) value() data.Organisation {
	o := s.saved
	o.LegalName = strings.TrimSpace(s.legalName.Text)
	o.ShortName = strings.TrimSpace(s.shortName.Text)
	o.Address = strings.TrimSpace(s.address.Text)
	o.ScopeStatement = strings.TrimSpace(s.scope.Text)
	o.Exclusions = strings.TrimSpace(s.exclusions.Text)
	o.Services = lines(s.services.Text)
	o.Locations = lines(s.locations.Text)
	o.PaperSize = data.PaperSize(s.paper.Selected)
	for _, f := range data.DateFormats() {
		if f.Example() == s.dateFormat.Selected {
			o.DateFormat = f
		}
	}
	o.Logo = s.logo
	for _, st := range data.StandardStatuses() {
		if standardStatusLabel(st) == s.iso9001.Selected {
			o.ISO9001 = st
		}
		if standardStatusLabel(st) == s.iso27001.Selected {
			o.ISO27001 = st
		}
	}
	o.CorrectionPlanDays = settingNumber(s.planDays.Text)
	o.EvidenceDays = settingNumber(s.evidenceDays.Text)
	o.EvidenceLimitMB = settingNumber(s.evidenceLimit.Text)
	return o
}

// settingNumber reads a whole number typed in a setting: empty is the
// default (0), and anything that is not a number is -1, which the
// profile's check refuses with the allowed range.
func settingNumber(text string) int {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		return -1
	}
	return n
}

// standardStatusLabel is the choice as the user reads it.
func standardStatusLabel(st data.StandardStatus) string {
	switch st {
	case data.StandardPlanned:
		return lang.L("Planned")
	case data.StandardCertified:
		return lang.L("Certified")
	}
	return lang.L("Not pursued")
}

// lines splits text into its non-blank lines, trimmed.
func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func (s *organisationScreen) onSave() { s.saveChanges() }

// unsaved names the profile when the form differs from what was loaded or
// last saved; typing a change and taking it back again is no change.
func (s *organisationScreen) unsaved() string {
	if s.env.ws.ReadOnly() || sameOrganisation(s.value(), s.saved) {
		return ""
	}
	return lang.L("The organisation profile has changes that are not saved.")
}

// sameOrganisation compares what the form edits, as it would be stored.
func sameOrganisation(a, b data.Organisation) bool {
	return a.LegalName == b.LegalName && a.ShortName == b.ShortName && a.Address == b.Address &&
		a.ScopeStatement == b.ScopeStatement && a.Exclusions == b.Exclusions &&
		slices.Equal(a.Services, b.Services) && slices.Equal(a.Locations, b.Locations) &&
		a.PaperSize == b.PaperSize && a.DateFormat == b.DateFormat && bytes.Equal(a.Logo, b.Logo) &&
		a.ISO9001 == b.ISO9001 && a.ISO27001 == b.ISO27001 &&
		sameSettings(a.WithSettingDefaults(), b.WithSettingDefaults())
}

// saveChanges stores the form; a refusal is shown on the form.
func (s *organisationScreen) saveChanges() error {
	if s.env.ws.ReadOnly() {
		return nil
	}
	o := s.value()
	for _, l := range s.problems {
		l.Hide()
	}
	stored, err := s.env.ws.SaveOrganisation(s.env.ctx(), o)
	if isConflict(err) {
		showConflict(s.env.win, err, lang.L("Reloading discards the changes you made on this screen."), s.onReload)
		s.status.SetText(lang.L("Not saved: someone else changed the profile."))
		s.status.Importance = widget.DangerImportance
		s.status.Refresh()
		return err
	}
	if err != nil {
		if !s.problems.show(err) {
			s.env.showErr(err)
		}
		s.status.SetText(lang.L("Not saved: please correct the marked fields."))
		s.status.Importance = widget.DangerImportance
		s.status.Refresh()
		return err
	}
	s.saved = stored
	s.status.SetText(lang.L("Saved at") + " " + s.env.now().Format("15:04"))
	s.status.Importance = widget.SuccessImportance
	s.status.Refresh()
	s.env.changed()
	return nil
}

// onReload shows the profile as stored now, after a colleague changed it.
func (s *organisationScreen) onReload() {
	s.load()
	s.status.SetText(lang.L("Reloaded: this is the profile as it is now."))
	s.status.Importance = widget.MediumImportance
	s.status.Refresh()
	s.env.changed()
}

func (s *organisationScreen) onRevert() {
	s.show(s.saved)
	s.status.SetText(lang.L("Changes discarded."))
	s.status.Importance = widget.MediumImportance
	s.status.Refresh()
}

func (s *organisationScreen) onChooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.env.showErr(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, data.MaxLogoBytes+1))
		if err != nil {
			s.env.showErr(fmt.Errorf("read logo: %w", err))
			return
		}
		switch {
		case len(b) > data.MaxLogoBytes:
			s.env.showErr(data.Errorf(data.EInvalid, "The logo is too large: at most %d MB.", data.MaxLogoBytes>>20))
		case data.LogoKind(b) == "":
			s.env.showErr(data.Errorf(data.EInvalid, "The logo must be a PNG or JPEG image."))
		default:
			s.setLogo(b)
		}
	}, s.env.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Show()
}

func (s *organisationScreen) onRemoveLogo() { s.setLogo(nil) }

func (s *organisationScreen) setLogo(b []byte) {
	s.logo = b
	if len(b) == 0 {
		s.logoImage.Resource = nil
		s.logoImage.Hide()
		s.logoInfo.SetText(lang.L("No logo. It prints on the cover of every pack."))
		s.removeLogo.Disable()
		return
	}
	s.logoImage.Resource = fyne.NewStaticResource("logo."+data.LogoKind(b), b)
	s.logoImage.Show()
	s.logoImage.Refresh()
	s.logoInfo.SetText(fmt.Sprintf("%s, %d KB", strings.ToUpper(data.LogoKind(b)), (len(b)+1023)/1024))
	if !s.env.ws.ReadOnly() {
		s.removeLogo.Enable()
	}
}

func (s *organisationScreen) content() fyne.CanvasObject {
	chooseLogo := widget.NewButtonWithIcon(lang.L("Choose image…"), theme.FileImageIcon(), s.onChooseLogo)
	item := func(label, field string, w fyne.CanvasObject, hint string) *widget.FormItem {
		fi := widget.NewFormItem(label, s.problems.wrap(field, w))
		fi.HintText = hint
		return fi
	}
	profile := widget.NewForm(
		item(lang.L("Legal name *"), "LegalName", s.legalName, lang.L("As registered; prints on every cover.")),
		item(lang.L("Short name"), "ShortName", s.shortName, lang.L("Used in running text and headers.")),
		item(lang.L("Address"), "Address", s.address, ""),
		item(lang.L("Logo"), "Logo", container.NewVBox(container.NewHBox(s.logoImage), container.NewHBox(chooseLogo, s.removeLogo, s.logoInfo)), ""),
		item(lang.L("Paper size"), "PaperSize", s.paper, lang.L("For printed packs.")),
		item(lang.L("Date format"), "DateFormat", s.dateFormat, ""),
	)
	scope := widget.NewForm(
		item(lang.L("Services in scope"), "Services", s.services, lang.L("The services your SMS manages, one per line.")),
		item(lang.L("Locations"), "Locations", s.locations, lang.L("Offices or sites that deliver them, one per line.")),
		item(lang.L("Scope statement"), "ScopeStatement", s.scope, lang.L("Name the services and the organisation that delivers them.")),
		item(lang.L("Boundaries and exclusions"), "Exclusions", s.exclusions, lang.L("What is outside the SMS, and why.")),
	)
	integrated := widget.NewForm(
		item(lang.L("ISO 9001 (quality)"), "ISO9001", s.iso9001, ""),
		item(lang.L("ISO/IEC 27001 (security)"), "ISO27001", s.iso27001, lang.L("The manual then lists the shared clauses.")),
	)
	certification := widget.NewForm(
		item(lang.L("Plan due (days)"), "CorrectionPlanDays", s.planDays,
			lang.L("Days after an audit to send a finding's plan.")),
		item(lang.L("Evidence due (days)"), "EvidenceDays", s.evidenceDays,
			lang.L("Days after an audit to send its evidence.")),
		item(lang.L("Largest file (MB)"), "EvidenceLimitMB", s.evidenceLimit,
			lang.L("Larger evidence files are refused.")),
	)
	buttons := container.NewHBox(s.save, s.revert, s.status)
	if s.env.ws.ReadOnly() {
		// Form.Disable panics before the form is rendered, so widget by widget.
		for _, w := range []fyne.Disableable{s.legalName, s.shortName, s.address, s.scope, s.exclusions, s.services, s.locations, s.paper, s.dateFormat, s.iso9001, s.iso27001, s.planDays, s.evidenceDays, s.evidenceLimit} {
			w.Disable()
		}
		s.save.Disable()
		s.revert.Disable()
		chooseLogo.Disable()
		s.removeLogo.Disable()
		s.status.SetText(lang.L("This workspace is read-only: changes cannot be saved."))
	}
	left := container.NewVScroll(container.NewVBox(
		heading(lang.L("Organisation profile")),
		profile,
		heading(lang.L("Scope of the service management system")),
		scope,
		heading(lang.L("Other management systems")),
		integrated,
		heading(lang.L("Certification deadlines and evidence")),
		certification,
	))
	split := container.NewHSplit(left, guidancePanel(s.env.cat, "4.3", lang.L("Press Ctrl+S or Enter in a name field to save. Fields marked * are required.")))
	split.Offset = 0.64
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), buttons), nil, nil, split)
}

// sameSettings compares the certification settings of two profiles whose
// defaults are already filled in.
func sameSettings(a, b data.Organisation) bool {
	return a.CorrectionPlanDays == b.CorrectionPlanDays && a.EvidenceDays == b.EvidenceDays && a.EvidenceLimitMB == b.EvidenceLimitMB
}
