package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// A record deleted by mistake comes back with Undo delete, under its own
// reference.
func TestADeletedRecordComesBackWithUndo(t *testing.T) {
	u := newRegisterUI(t)
	saveRecord(t, u.ws, "customers", "title", "Harbour Dental", "kind", "external")
	v := openRegister(t, u, "customers")
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	v.onDelete()
	if got := topDialogText(u.win); !strings.Contains(got, "You can undo this") {
		t.Errorf("the question says %q, want it to say the delete can be undone", got)
	}
	tapInTopDialog(t, u.win, "Yes")
	if v.total != 0 || !v.deletion.button.Visible() {
		t.Fatalf("after the delete: %d customers, undo shown %v", v.total, v.deletion.button.Visible())
	}
	if u.undoable() == nil {
		t.Error("Edit ▸ Undo has nothing to undo after a record's delete")
	}
	v.deletion.onUndo()
	if got, want := v.status.Text, "CUS-1 Harbour Dental was restored."; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	if v.total != 1 || !strings.Contains(columnTexts(v, 0), "CUS-1") {
		t.Errorf("after undo the list shows %q", columnTexts(v, 0))
	}
}
