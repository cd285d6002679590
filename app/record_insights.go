package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// What a record's form shows beyond its fields, read from other records:
// for a nonconformity the others of the same kind of cause, for an
// improvement the latest results of the objectives it serves.

// recordInsights is that part of the form of stored record r, or nil
// when its register has none.
func recordInsights(e *env, reg data.Register, r data.Record) fyne.CanvasObject {
	if r.ID == 0 {
		return nil
	}
	switch reg.Key {
	case data.NonconformitiesRegister:
		box := container.NewVBox(wrapLabel(nextStepText(r)))
		if same := sameCauseText(e, reg, r); same != "" {
			box.Add(wrapLabel(same))
		}
		return box
	case data.ImprovementsRegister:
		return improvementEvaluation(e, r)
	}
	return nil
}

// nextStepText says what the nonconformity waits for, and where to do it:
// the steps are on the register's screen, beside the line under the table.
func nextStepText(r data.Record) string {
	switch data.NextNCStep(r) {
	case data.NCStepStart:
		return lang.L("Next: start the corrective action, with the button under the nonconformities table.")
	case data.NCStepAsk:
		return lang.L("Next: once the corrective actions are done, ask for the effectiveness check, with the button under the table.")
	case data.NCStepRecord:
		return lang.L("Next: record the effectiveness check, with the button under the table.")
	}
	return lang.L("Closed: a check found its corrective actions effective.")
}

// sameCauseText is "Same cause category as NC-2, NC-5; root cause like
// that of NC-4" for nonconformity r, or "" when no other shares its cause
// category or reads like its root cause.
func sameCauseText(e *env, reg data.Register, r data.Record) string {
	if reg.Key != data.NonconformitiesRegister || (r.Get("cause_category") == "" && r.Get("root_cause") == "") {
		return ""
	}
	page, err := e.ws.Records(e.ctx(), data.RecordQuery{Register: reg.Key, Sort: []data.SortKey{{Field: data.SortByReference}}})
	if err != nil {
		e.showErr(err)
		return ""
	}
	same := data.SameCause(r, page.Records)
	var alike []data.Record
	for _, o := range data.SimilarCauses(r, page.Records) {
		if !slices.ContainsFunc(same, func(s data.Record) bool { return s.ID == o.ID }) {
			alike = append(alike, o)
		}
	}
	switch {
	case len(same) > 0 && len(alike) > 0:
		return fmt.Sprintf(lang.L("Same cause category as %s; root cause like that of %s"), data.References(reg, same), data.References(reg, alike))
	case len(same) > 0:
		return fmt.Sprintf(lang.L("Same cause category as %s"), data.References(reg, same))
	case len(alike) > 0:
		return fmt.Sprintf(lang.L("Root cause like that of %s"), data.References(reg, alike))
	}
	return ""
}

// improvementEvaluation lists the latest result of each objective
// improvement r serves against its target, or is nil when it names none.
func improvementEvaluation(e *env, r data.Record) fyne.CanvasObject {
	if len(r.IDs("objectives")) == 0 {
		return nil
	}
	var ids []string
	for _, id := range r.IDs("objectives") {
		ids = append(ids, fmt.Sprint(id))
	}
	read := func(q data.RecordQuery) []data.Record {
		page, err := e.ws.Records(e.ctx(), q)
		if err != nil {
			e.showErr(err)
		}
		return page.Records
	}
	objectives := read(data.RecordQuery{Register: data.ObjectivesRegister})
	measurements := read(data.RecordQuery{Register: data.MeasurementsRegister, Filters: map[string][]string{"objective": ids}})
	objReg, _ := data.FindRegister(data.ObjectivesRegister)
	box := container.NewVBox(widget.NewLabelWithStyle(lang.L("Against its objectives:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	trends := data.ImprovementEvaluation(r, data.ObjectiveTrends(objectives, measurements))
	if len(trends) == 0 {
		box.Add(wrapLabel(lang.L("Its objectives have no measurements yet.")))
	}
	for _, t := range trends {
		box.Add(wrapLabel(data.EvaluationLine(objReg, t, r, e.dates)))
		box.Add(newTrendChart(t)) // objective_chart.go
	}
	return box
}
