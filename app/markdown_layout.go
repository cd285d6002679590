package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The layouts of a markdownView. Wrapping a text is the costly part of
// drawing it, and a rich text wraps again whenever its size changes, even
// only in height; these layouts give a text a new size only when its width
// changes, which halves the work of every layout pass. None of them asks
// for a width of its own beyond a fixed indent, so content wraps instead of
// widening what holds it.

// place moves o to pos and sizes it, leaving a rich text of the right
// width as it is: its height does not change how it is drawn.
func place(o fyne.CanvasObject, pos fyne.Position, size fyne.Size) {
	o.Move(pos)
	if _, ok := o.(*widget.RichText); ok && o.Size().Width == size.Width {
		return
	}
	o.Resize(size)
}

// heightAt is the height o takes at width w, wrapping it there first.
func heightAt(o fyne.CanvasObject, w float32) float32 {
	if o.Size().Width != w {
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
	}
	return o.MinSize().Height
}

// flowLayout stacks blocks top to bottom at the full width, as a VBox
// does; tight draws them closer, into the padding around a text, as the
// items of a tight list are.
type flowLayout struct{ tight bool }

func (l flowLayout) gap() float32 {
	if l.tight {
		return theme.Padding() - theme.InnerPadding()
	}
	return theme.Padding()
}

func (l flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y, gap := float32(0), l.gap()
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := heightAt(o, size.Width)
		place(o, fyne.NewPos(0, y), fyne.NewSize(size.Width, h))
		y += h + gap
	}
}

func (l flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h, n := float32(0), 0
	for _, o := range objs {
		if o.Visible() {
			h += o.MinSize().Height
			n++
		}
	}
	if n > 1 {
		h += float32(n-1) * l.gap()
	}
	return fyne.NewSize(0, h)
}

// indentLayout puts its first object in a column of fixed width on the left
// and the second beside it, filling the rest. With a bar width, the first
// object is a bar that wide down the whole height, as beside a quote.
type indentLayout struct {
	indent, bar float32
}

func (l *indentLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) < 2 {
		return
	}
	marker, content := objs[0], objs[1]
	w := max(size.Width-l.indent, 0)
	place(content, fyne.NewPos(l.indent, 0), fyne.NewSize(w, heightAt(content, w)))
	switch {
	case !marker.Visible():
	case l.bar > 0:
		marker.Move(fyne.NewPos(0, 0))
		marker.Resize(fyne.NewSize(l.bar, size.Height))
	default:
		place(marker, fyne.NewPos(0, 0), fyne.NewSize(l.indent, heightAt(marker, l.indent)))
	}
}

func (l *indentLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(l.indent, h)
}

// backdropLayout draws its first object behind the second, which sets the
// height.
type backdropLayout struct{}

func (backdropLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) < 2 {
		return
	}
	h := heightAt(objs[1], size.Width)
	place(objs[1], fyne.NewPos(0, 0), fyne.NewSize(size.Width, h))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, max(h, size.Height)))
}

func (backdropLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) < 2 {
		return fyne.Size{}
	}
	return fyne.NewSize(0, objs[1].MinSize().Height)
}
