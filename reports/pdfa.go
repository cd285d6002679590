package reports

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// PDF/A-2b (ISO 19005-2, level B) asks of a file more than gofpdf writes:
// a binary comment after the header, a trailer /ID, XMP metadata naming the
// standard, an output intent with an ICC profile, a print flag on every
// annotation, and outlines whose /Count is right (gofpdf writes /Count 0 on
// every item, which strict readers reject for items with children). gofpdf
// has no hooks for the catalog or the trailer, so archival rewrites the
// finished file. It reads only the layout gofpdf writes (a classic
// cross-reference table, one object after another, each dictionary in a
// known order) and fails on anything else rather than guess.

// pdfLang is the natural language of every pack's text (the catalog's
// /Lang and the XMP's dc:language): the templates and labels are written
// in British English.
const pdfLang = "en-GB"

// docInfo is the document information a pack's PDF carries, once as the
// Info dictionary gofpdf writes and once as XMP; PDF/A wants both to agree.
type docInfo struct {
	title, subject, author, keywords string // cleaned, one line each
	creator, producer                string
	now                              time.Time
}

// pageLabel starts a range of page labels at page index first (0-based):
// prefix alone, or prefix then the page's number in the range counted from
// start when numbered is set.
type pageLabel struct {
	first    int
	prefix   string
	numbered bool
	start    int
}

// packLabels are the page labels of every pack: the cover, then the
// numbers the footers print ("Page 1 of M" on the page after the cover).
func packLabels() []pageLabel {
	return []pageLabel{{first: 0, prefix: "Cover"}, {first: 1, numbered: true, start: 1}}
}

// fontName is the PostScript and family name of a face gofpdf embeds, by
// the family and style it names it after (see face.family).
func fontName(gofpdfName string) (postScript, family string) {
	switch gofpdfName {
	case "utf8" + familyBody:
		return "DejaVuSans", "DejaVu Sans"
	case "utf8" + familyBody + "B":
		return "DejaVuSans-Bold", "DejaVu Sans"
	case "utf8" + familyBody + "I":
		return "DejaVuSans-Oblique", "DejaVu Sans"
	case "utf8" + familyMono:
		return "DejaVuSansMono", "DejaVu Sans Mono"
	}
	n := strings.TrimPrefix(gofpdfName, "utf8")
	return n, n
}

// rawObject is one indirect object as gofpdf wrote it: the bytes between
// "N 0 obj\n" and "endobj\n".
type rawObject struct {
	num  int
	body []byte
}

var (
	trailerPattern = regexp.MustCompile(`^trailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\nstartxref\n`)
	parentPattern  = regexp.MustCompile(`^\n/Parent (\d+) 0 R\n`)
	datePattern    = regexp.MustCompile(`\n/(CreationDate|ModDate) \(D:(\d{14})\)`)
	fontPattern    = regexp.MustCompile(`(/BaseFont|/FontName) /(utf8[A-Za-z]+)`)
)

// readGofpdf splits a file gofpdf wrote into its objects, in file order,
// and the numbers of its catalog and Info dictionary.
func readGofpdf(raw []byte) (objs []rawObject, root, info int, err error) {
	const sx = "startxref\n"
	at := bytes.LastIndex(raw, []byte(sx))
	if at < 0 {
		return nil, 0, 0, fmt.Errorf("no startxref")
	}
	end := bytes.IndexByte(raw[at+len(sx):], '\n')
	if end < 0 {
		return nil, 0, 0, fmt.Errorf("no startxref offset")
	}
	xref, err := strconv.Atoi(string(raw[at+len(sx) : at+len(sx)+end]))
	if err != nil || xref <= 0 || xref >= at {
		return nil, 0, 0, fmt.Errorf("bad startxref offset")
	}
	rest := raw[xref:]
	var size int
	if _, err := fmt.Sscanf(string(rest[:min(len(rest), 32)]), "xref\n0 %d\n", &size); err != nil || size < 2 || size > len(rest)/20 {
		return nil, 0, 0, fmt.Errorf("bad cross-reference table")
	}
	table := rest[bytes.IndexByte(rest[5:], '\n')+6:]
	if len(table) < 20*size {
		return nil, 0, 0, fmt.Errorf("short cross-reference table")
	}
	m := trailerPattern.FindSubmatch(table[20*size:])
	if m == nil {
		return nil, 0, 0, fmt.Errorf("unexpected trailer")
	}
	if n, _ := strconv.Atoi(string(m[1])); n != size {
		return nil, 0, 0, fmt.Errorf("trailer size %d, table %d", n, size)
	}
	root, _ = strconv.Atoi(string(m[2]))
	info, _ = strconv.Atoi(string(m[3]))
	type span struct{ num, off int }
	spans := make([]span, 0, size-1)
	for n := 1; n < size; n++ {
		e := table[20*n : 20*n+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= xref {
			return nil, 0, 0, fmt.Errorf("bad cross-reference entry %d", n)
		}
		spans = append(spans, span{n, off})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.off - b.off })
	objs = make([]rawObject, 0, len(spans))
	for i, s := range spans {
		stop := xref
		if i+1 < len(spans) {
			stop = spans[i+1].off
		}
		b := raw[s.off:stop]
		head := strconv.Itoa(s.num) + " 0 obj\n"
		if !bytes.HasPrefix(b, []byte(head)) || !bytes.HasSuffix(b, []byte("endobj\n")) {
			return nil, 0, 0, fmt.Errorf("object %d is not where the table says", s.num)
		}
		objs = append(objs, rawObject{num: s.num, body: b[len(head) : len(b)-len("endobj\n")]})
	}
	if root <= 0 || root >= size || info <= 0 || info >= size {
		return nil, 0, 0, fmt.Errorf("trailer names objects outside the file")
	}
	return objs, root, info, nil
}

// archival rewrites a file gofpdf wrote as PDF/A-2b: see the comment at
// the top of this file. The result depends only on raw and the arguments.
func archival(raw []byte, di docInfo, labels []pageLabel) ([]byte, error) {
	objs, root, info, err := readGofpdf(raw)
	if err != nil {
		return nil, fmt.Errorf("finish pdf: %w", err)
	}
	size := len(objs) + 1
	metaNum, iccNum, intentNum := size, size+1, size+2
	var extra []rawObject // annotations, once out of their pages
	add := func(body []byte) int {
		n := intentNum + 1 + len(extra)
		extra = append(extra, rawObject{num: n, body: body})
		return n
	}
	sum := sha256.Sum256(raw)

	// outline items: gofpdf keeps them closed (/Count 0); a closed item
	// with children counts them negatively, a leaf needs no /Count
	children := map[int]int{}
	titleEnds := map[int]int{}
	for _, o := range objs {
		if !bytes.HasPrefix(o.body, []byte("<</Title (")) {
			continue
		}
		end, ok := stringEnd(o.body, len("<</Title ("))
		m := parentPattern.FindSubmatch(o.body[min(end, len(o.body)):])
		if !ok || m == nil {
			return nil, fmt.Errorf("finish pdf: outline item %d has no parent", o.num)
		}
		parent, _ := strconv.Atoi(string(m[1]))
		children[parent]++
		titleEnds[o.num] = end
	}

	var out bytes.Buffer
	out.Grow(len(raw) + 8192)
	out.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	var offsets []int
	put := func(num int, body []byte) {
		for len(offsets) <= num {
			offsets = append(offsets, 0)
		}
		offsets[num] = out.Len()
		out.WriteString(strconv.Itoa(num))
		out.WriteString(" 0 obj\n")
		out.Write(body)
		out.WriteString("endobj\n")
	}
	for _, o := range objs {
		b := o.body
		switch {
		case o.num == root:
			b, err = catalog(b, metaNum, intentNum, labels)
		case o.num == info:
			b, err = infoDates(b, di.now)
		case bytes.HasPrefix(b, []byte("<</Type /Page\n")):
			b, err = pageAnnots(b, add)
		case titleEnds[o.num] > 0:
			b, err = outlineCount(b, children[o.num])
		case bytes.HasPrefix(b, []byte("<</Type /Outlines ")):
			b, err = insertBeforeClose(b, " /Count "+strconv.Itoa(children[o.num]))
		case bytes.HasPrefix(b, []byte("<</Length ")) && bytes.Contains(b[:min(len(b), 48)], []byte(">>\nstream\n/CIDInit ")):
			b, err = compressStream(b)
		case bytes.HasPrefix(b, []byte("<</Type /Font")):
			b, err = fontNaming(b, sum)
		}
		if err != nil {
			return nil, fmt.Errorf("finish pdf: object %d: %w", o.num, err)
		}
		put(o.num, b)
	}
	xmp := xmpPacket(di)
	put(metaNum, fmt.Appendf(nil, "<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream\n", len(xmp), xmp))
	icc, err := deflate(srgbProfile())
	if err != nil {
		return nil, fmt.Errorf("finish pdf: %w", err)
	}
	put(iccNum, fmt.Appendf(nil, "<</N 3 /Filter /FlateDecode /Length %d>>\nstream\n%s\nendstream\n", len(icc), icc))
	put(intentNum, fmt.Appendf(nil, "<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (%s) /Info (%s) /RegistryName (http://www.color.org) /DestOutputProfile %d 0 R>>\n", srgbName, srgbName, iccNum))

	for _, o := range extra {
		put(o.num, o.body)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	// The file identifier is a digest of the content, so that two builds of
	// the same pack are the same file and different packs differ.
	id := md5.Sum(raw)
	fmt.Fprintf(&out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/ID [<%x> <%x>]\n>>\nstartxref\n%d\n%%%%EOF\n", len(offsets), root, info, id, id, xref)
	return out.Bytes(), nil
}

// stringEnd is the index just past the literal string whose bytes start at
// i (after its opening parenthesis). gofpdf escapes every parenthesis and
// backslash inside a string, so the first bare ")" closes it.
func stringEnd(b []byte, i int) (int, bool) {
	for ; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case ')':
			return i + 1, true
		}
	}
	return 0, false
}

// insertBeforeClose adds s before the final ">>" of a dictionary object.
func insertBeforeClose(b []byte, s string) ([]byte, error) {
	i := bytes.LastIndex(b, []byte(">>"))
	if i < 0 {
		return nil, fmt.Errorf("no dictionary")
	}
	out := make([]byte, 0, len(b)+len(s))
	out = append(out, b[:i]...)
	out = append(out, s...)
	return append(out, b[i:]...), nil
}

// emptyNames is the name dictionary gofpdf writes when the file embeds
// nothing; an empty tree says nothing and strict readers frown on it.
const emptyNames = "/Names <<\n/EmbeddedFiles << /Names [\n  \n] >>\n>>\n"

// catalog adds what PDF/A needs to the document catalog: the XMP, the
// output intent and the language, and the page labels.
func catalog(b []byte, metaNum, intentNum int, labels []pageLabel) ([]byte, error) {
	b = bytes.Replace(b, []byte(emptyNames), nil, 1)
	var s strings.Builder
	fmt.Fprintf(&s, "/Metadata %d 0 R\n/OutputIntents [%d 0 R]\n/Lang (%s)\n", metaNum, intentNum, pdfLang)
	if len(labels) > 0 {
		s.WriteString("/PageLabels << /Nums [")
		for _, l := range labels {
			fmt.Fprintf(&s, " %d <<", l.first)
			if l.prefix != "" {
				fmt.Fprintf(&s, " /P (%s)", escapePDF(l.prefix))
			}
			if l.numbered {
				s.WriteString(" /S /D")
				if l.start > 1 {
					fmt.Fprintf(&s, " /St %d", l.start)
				}
			}
			s.WriteString(" >>")
		}
		s.WriteString(" ] >>\n")
	}
	return insertBeforeClose(b, s.String())
}

// escapePDF escapes s for a literal string of ASCII.
func escapePDF(s string) string {
	return strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(s)
}

// infoDates adds the time zone to the Info dictionary's dates, which gofpdf
// leaves out, so that they name the same instant as the XMP's.
func infoDates(b []byte, now time.Time) ([]byte, error) {
	zone := pdfZone(now)
	n := 0
	b = datePattern.ReplaceAllFunc(b, func(m []byte) []byte {
		n++
		return append(m[:len(m)-1:len(m)-1], zone+")"...)
	})
	if n != 2 {
		return nil, fmt.Errorf("info has %d dates, want 2", n)
	}
	return b, nil
}

// pdfZone is the time zone of t as PDF dates write it: "+01'00'".
func pdfZone(t time.Time) string {
	z := t.Format("-07:00")
	return z[:3] + "'" + z[4:] + "'"
}

// annotsStart opens the array of a page's annotations, which gofpdf
// writes inline; PDF wants each annotation an indirect object.
const annotsStart = "\n/Annots ["

// pageAnnots moves the annotations of a page into objects of their own,
// numbered by add, each with the print flag (/F 4): PDF/A wants every
// annotation printed as it is shown.
func pageAnnots(b []byte, add func(body []byte) int) ([]byte, error) {
	i := bytes.Index(b, []byte(annotsStart))
	if i < 0 {
		return b, nil
	}
	out := append([]byte(nil), b[:i+len(annotsStart)]...)
	j := i + len(annotsStart)
	for j < len(b) && b[j] != ']' {
		if !bytes.HasPrefix(b[j:], []byte("<<")) {
			return nil, fmt.Errorf("unexpected annotation at %d", j)
		}
		end, err := dictEnd(b, j)
		if err != nil {
			return nil, err
		}
		annot := append([]byte("<<"), b[j+2:end]...)
		annot, err = insertBeforeClose(append(annot, '\n'), " /F 4")
		if err != nil {
			return nil, err
		}
		out = fmt.Appendf(out, "%d 0 R ", add(annot))
		j = end
	}
	if j >= len(b) {
		return nil, fmt.Errorf("unterminated annotation array")
	}
	return append(out, b[j:]...), nil
}

// dictEnd is the index just past the dictionary that opens at i, with the
// dictionaries and strings inside it.
func dictEnd(b []byte, i int) (int, error) {
	depth := 0
	for i < len(b) {
		switch {
		case b[i] == '(':
			end, ok := stringEnd(b, i+1)
			if !ok {
				return 0, fmt.Errorf("unterminated string")
			}
			i = end
			continue
		case bytes.HasPrefix(b[i:], []byte("<<")):
			depth++
			i += 2
			continue
		case bytes.HasPrefix(b[i:], []byte(">>")):
			depth--
			i += 2
			if depth == 0 {
				return i, nil
			}
			continue
		}
		i++
	}
	return 0, fmt.Errorf("unterminated dictionary")
}

// outlineCount gives an outline item the /Count its children call for.
func outlineCount(b []byte, children int) ([]byte, error) {
	const zero = "\n/Count 0>>\n"
	if !bytes.HasSuffix(b, []byte(zero)) {
		return nil, fmt.Errorf("outline item without /Count 0")
	}
	b = b[:len(b)-len(zero)]
	if children == 0 {
		return append(b[:len(b):len(b)], ">>\n"...), nil
	}
	return append(b[:len(b):len(b)], "\n/Count "+strconv.Itoa(-children)+">>\n"...), nil
}

// fontNaming gives the embedded fonts their names: the subset they are (a
// tag of six capital letters, a plus and the PostScript name), and in the
// font descriptor the family, which strict readers want. The tag is drawn
// from the file's digest, so that it names this subset only.
func fontNaming(b []byte, sum [32]byte) ([]byte, error) {
	var family string
	b = fontPattern.ReplaceAllFunc(b, func(m []byte) []byte {
		sm := fontPattern.FindSubmatch(m)
		name := string(sm[2])
		var ps string
		ps, family = fontName(name)
		h := sha256.Sum256(append(sum[:], name...))
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = 'A' + h[i]%26
		}
		return fmt.Appendf(nil, "%s /%s+%s", sm[1], tag, ps)
	})
	if !bytes.HasPrefix(b, []byte("<</Type /FontDescriptor ")) || family == "" {
		return b, nil
	}
	return insertBeforeClose(b, " /FontFamily ("+escapePDF(family)+")")
}

// xmpPacket is the XMP metadata of the file: the PDF/A identification
// (part 2, conformance B) and the document information, as the Info
// dictionary has it.
func xmpPacket(di docInfo) []byte {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := di.now.Format("2006-01-02T15:04:05-07:00")
	var s strings.Builder
	s.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	s.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	s.WriteString("<rdf:Description rdf:about=\"\"\n xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
	s.WriteString("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
	s.WriteString("<dc:format>application/pdf</dc:format>\n")
	if di.title != "" {
		fmt.Fprintf(&s, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(di.title))
	}
	if di.author != "" {
		fmt.Fprintf(&s, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(di.author))
	}
	if di.subject != "" {
		fmt.Fprintf(&s, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(di.subject))
	}
	fmt.Fprintf(&s, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", pdfLang)
	if di.keywords != "" {
		fmt.Fprintf(&s, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(di.keywords))
	}
	fmt.Fprintf(&s, "<pdf:Producer>%s</pdf:Producer>\n<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(di.producer), esc(di.creator))
	fmt.Fprintf(&s, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	s.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	// room for a later editor to add to the packet in place, as XMP asks
	s.WriteString(strings.Repeat(strings.Repeat(" ", 99)+"\n", 20))
	s.WriteString("<?xpacket end=\"w\"?>")
	return []byte(s.String())
}

// compressStream compresses a stream gofpdf leaves plain whatever
// SetCompression says, as it does the fonts' character maps.
func compressStream(b []byte) ([]byte, error) {
	const start, end = ">>\nstream\n", "\nendstream\n"
	i := bytes.Index(b, []byte(start))
	if i < 0 || !bytes.HasSuffix(b, []byte(end)) {
		return nil, fmt.Errorf("not a stream")
	}
	data := b[i+len(start) : len(b)-len(end)]
	if n, err := strconv.Atoi(string(b[len("<</Length "):i])); err != nil || n != len(data) {
		return nil, fmt.Errorf("stream length differs from its /Length")
	}
	z, err := deflate(data)
	if err != nil {
		return nil, err
	}
	return fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>\nstream\n%s\nendstream\n", len(z), z), nil
}

func deflate(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		return nil, fmt.Errorf("compress: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("compress: %w", err)
	}
	return buf.Bytes(), nil
}
