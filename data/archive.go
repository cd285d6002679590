package data

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The portable archive is the long-term copy of a workspace and the way to
// move it to another storage engine: a zip of a manifest and one JSON member
// per kind of record, written so that the same records always give the same
// bytes. The README describes the format for readers without this code.
const (
	// ArchiveFormat is the manifest's "format" in every archive.
	ArchiveFormat = "smsbuilder-archive"
	// ArchiveFormatVersion is the layout of the zip and its members written
	// by this build; it changes only when a reader of version N could not
	// read the file. The records' own shape is the schema version.
	ArchiveFormatVersion = 1
	// ArchiveExt is the file extension of an archive.
	ArchiveExt = ".smsarchive"
	// ArchiveManifestName is the manifest's member, always the first.
	ArchiveManifestName = "manifest.json"
)

// archiveMaxMember bounds what one member may unpack to, so that a crafted
// archive cannot fill memory; a workspace is far below it.
const archiveMaxMember = 1 << 30

// archiveTime is every member's modification time: fixed, so that the bytes
// of an archive depend on the records alone.
var archiveTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// ArchiveManifest is manifest.json: what the archive is and what it holds.
type ArchiveManifest struct {
	Format        string          `json:"format"`
	FormatVersion int             `json:"format_version"`
	SchemaVersion int             `json:"schema_version"`
	Organisation  string          `json:"organisation"`
	Members       []ArchiveMember `json:"members"`
}

// ArchiveMember is one JSON member: the kind of record it holds, how many,
// and the SHA-256 of its bytes as lowercase hex.
type ArchiveMember struct {
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Rows   int    `json:"rows"`
	SHA256 string `json:"sha256"`
}

// ArchiveTable is every record of one kind, exactly as stored: its columns
// in their stored order and its rows in a fixed order. A value is an int64,
// a float64, a string, a []byte or nil.
type ArchiveTable struct {
	Kind    string
	Columns []ArchiveColumn
	Rows    [][]any
}

// ArchiveColumn is one stored field. PrimaryKey is its position in the
// primary key, from 1, or 0.
type ArchiveColumn struct {
	Name       string `json:"name"`
	Type       string `json:"type"`
	PrimaryKey int    `json:"primary_key,omitempty"`
}

// ArchiveMemberName is the member that holds a kind of record.
func ArchiveMemberName(kind string) string { return kind + ".json" }

// WriteArchive writes tables to w as an archive described by m, whose
// members it fills in. Members follow the manifest in the order of tables.
func WriteArchive(w io.Writer, m *ArchiveManifest, tables []ArchiveTable) error {
	m.Format, m.FormatVersion, m.Members = ArchiveFormat, ArchiveFormatVersion, nil
	bodies := make([][]byte, len(tables))
	for i, t := range tables {
		b, err := encodeArchiveTable(t)
		if err != nil {
			return fmt.Errorf("archive %s: %w", t.Kind, err)
		}
		sum := sha256.Sum256(b)
		bodies[i] = b
		m.Members = append(m.Members, ArchiveMember{Name: ArchiveMemberName(t.Kind), Kind: t.Kind, Rows: len(t.Rows), SHA256: hex.EncodeToString(sum[:])})
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("archive manifest: %w", err)
	}
	zw := zip.NewWriter(w)
	put := func(name string, b []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: archiveTime})
		if err != nil {
			return err
		}
		_, err = f.Write(b)
		return err
	}
	if err := put(ArchiveManifestName, append(manifest, '\n')); err != nil {
		return fmt.Errorf("write archive: %w", err)
	}
	for i, mem := range m.Members {
		if err := put(mem.Name, bodies[i]); err != nil {
			return fmt.Errorf("write archive: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write archive: %w", err)
	}
	return nil
}

// encodeArchiveTable writes a member: the kind, its columns, and each row as
// an object whose keys follow the columns, one row per line.
func encodeArchiveTable(t ArchiveTable) ([]byte, error) {
	var b bytes.Buffer
	kind, _ := json.Marshal(t.Kind)
	cols, err := json.Marshal(t.Columns)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&b, "{\n  \"kind\": %s,\n  \"columns\": %s,\n  \"rows\": [", kind, cols)
	names := make([][]byte, len(t.Columns))
	for i, c := range t.Columns {
		names[i], _ = json.Marshal(c.Name)
	}
	for r, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return nil, fmt.Errorf("row %d has %d values for %d columns", r+1, len(row), len(t.Columns))
		}
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    {")
		for i, v := range row {
			if i > 0 {
				b.WriteString(", ")
			}
			b.Write(names[i])
			b.WriteString(": ")
			if err := encodeArchiveValue(&b, v); err != nil {
				return nil, fmt.Errorf("row %d, %s: %w", r+1, t.Columns[i].Name, err)
			}
		}
		b.WriteByte('}')
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]\n}\n")
	return b.Bytes(), nil
}

// encodeArchiveValue writes one stored value so that it reads back as the
// same SQL value: an integer as a JSON integer, a real always with a point
// or an exponent, text as a JSON string (as {"text_base64": ...} when it is
// not valid UTF-8, which JSON cannot carry), bytes as {"base64": ...}.
func encodeArchiveValue(b *bytes.Buffer, v any) error {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case int64:
		b.WriteString(strconv.FormatInt(v, 10))
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return fmt.Errorf("real %v has no JSON form", v)
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0"
		}
		b.WriteString(s)
	case string:
		if !utf8.ValidString(v) {
			fmt.Fprintf(b, `{"text_base64": "%s"}`, base64.StdEncoding.EncodeToString([]byte(v)))
			return nil
		}
		s, _ := json.Marshal(v)
		b.Write(s)
	case []byte:
		fmt.Fprintf(b, `{"base64": "%s"}`, base64.StdEncoding.EncodeToString(v))
	default:
		return fmt.Errorf("value of type %T", v)
	}
	return nil
}

// ReadArchive reads and checks an archive of size bytes: the manifest says
// it is one, of a format and schema this build knows (up to newestSchema),
// every member it lists is there with the SHA-256 it names and nothing else
// is. name is the file as the user gave it, for messages. Refusals are
// *Error values naming the bad member.
func ReadArchive(r io.ReaderAt, size int64, name string, newestSchema int) (ArchiveManifest, []ArchiveTable, error) {
	var m ArchiveManifest
	notArchive := Errorf(EInvalid, "%s is not an SMS Builder archive.", name)
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return m, nil, &Error{Code: EInvalid, Message: notArchive.Message, Err: err}
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		if _, dup := files[f.Name]; dup {
			return m, nil, Errorf(ECorrupt, "%s is damaged: it holds %s twice.", name, f.Name)
		}
		files[f.Name] = f
	}
	mf, ok := files[ArchiveManifestName]
	if !ok {
		return m, nil, notArchive
	}
	raw, err := readArchiveMember(mf)
	if err != nil {
		return m, nil, &Error{Code: ECorrupt, Message: fmt.Sprintf("%s is damaged: its %s cannot be read.", name, ArchiveManifestName), Err: err}
	}
	if err := json.Unmarshal(raw, &m); err != nil || m.Format != ArchiveFormat {
		return m, nil, &Error{Code: EInvalid, Message: notArchive.Message, Err: err}
	}
	switch {
	case m.FormatVersion > ArchiveFormatVersion || m.SchemaVersion > newestSchema:
		return m, nil, Errorf(ETooNew, "%s was written by a newer version of SMS Builder (archive format %d, schema %d; this version reads up to format %d, schema %d). Update SMS Builder to restore it.",
			name, m.FormatVersion, m.SchemaVersion, ArchiveFormatVersion, newestSchema)
	case m.FormatVersion < 1 || m.SchemaVersion < 1:
		return m, nil, Errorf(ECorrupt, "%s is damaged: its manifest names no valid format or schema version.", name)
	}
	listed := map[string]bool{ArchiveManifestName: true}
	tables := make([]ArchiveTable, 0, len(m.Members))
	for _, mem := range m.Members {
		if mem.Name != ArchiveMemberName(mem.Kind) || listed[mem.Name] {
			return m, nil, Errorf(ECorrupt, "%s is damaged: its manifest lists %q wrongly.", name, mem.Name)
		}
		listed[mem.Name] = true
		damaged := func(why string, err error) error {
			return &Error{Code: ECorrupt, Message: fmt.Sprintf("%s is damaged: %s %s.", name, mem.Name, why), Err: err}
		}
		f, ok := files[mem.Name]
		if !ok {
			return m, nil, damaged("is missing", nil)
		}
		b, err := readArchiveMember(f)
		if err != nil {
			return m, nil, damaged("cannot be read", err)
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != mem.SHA256 {
			return m, nil, damaged("does not match the SHA-256 in the manifest", nil)
		}
		t, err := decodeArchiveTable(b)
		if err != nil {
			return m, nil, damaged("cannot be read", err)
		}
		if t.Kind != mem.Kind || len(t.Rows) != mem.Rows {
			return m, nil, damaged("does not hold what the manifest says", nil)
		}
		tables = append(tables, t)
	}
	for _, f := range zr.File {
		if !listed[f.Name] {
			return m, nil, Errorf(ECorrupt, "%s is damaged: it holds %s, which its manifest does not list.", name, f.Name)
		}
	}
	return m, tables, nil
}

func readArchiveMember(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > archiveMaxMember {
		return nil, fmt.Errorf("%s unpacks to %d bytes", f.Name, f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, archiveMaxMember+1))
	if err != nil {
		return nil, err
	}
	if len(b) > archiveMaxMember {
		return nil, fmt.Errorf("%s unpacks to more than %d bytes", f.Name, archiveMaxMember)
	}
	return b, nil
}

// decodeArchiveTable reads a member back; every row must have exactly the
// member's columns.
func decodeArchiveTable(b []byte) (ArchiveTable, error) {
	var raw struct {
		Kind    string                       `json:"kind"`
		Columns []ArchiveColumn              `json:"columns"`
		Rows    []map[string]json.RawMessage `json:"rows"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return ArchiveTable{}, err
	}
	t := ArchiveTable{Kind: raw.Kind, Columns: raw.Columns, Rows: make([][]any, 0, len(raw.Rows))}
	if t.Kind == "" || len(t.Columns) == 0 {
		return t, errors.New("no kind or no columns")
	}
	seen := map[string]bool{}
	for _, c := range t.Columns {
		if c.Name == "" || seen[c.Name] {
			return t, fmt.Errorf("column %q is empty or repeated", c.Name)
		}
		seen[c.Name] = true
	}
	for r, obj := range raw.Rows {
		if len(obj) != len(t.Columns) {
			return t, fmt.Errorf("row %d has %d values for %d columns", r+1, len(obj), len(t.Columns))
		}
		row := make([]any, len(t.Columns))
		for i, c := range t.Columns {
			v, ok := obj[c.Name]
			if !ok {
				return t, fmt.Errorf("row %d has no %s", r+1, c.Name)
			}
			var err error
			if row[i], err = decodeArchiveValue(v); err != nil {
				return t, fmt.Errorf("row %d, %s: %w", r+1, c.Name, err)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

func decodeArchiveValue(v json.RawMessage) (any, error) {
	s := bytes.TrimSpace(v)
	switch {
	case len(s) == 0:
		return nil, errors.New("no value")
	case string(s) == "null":
		return nil, nil
	case s[0] == '"':
		var out string
		err := json.Unmarshal(s, &out)
		return out, err
	case s[0] == '{':
		var obj map[string]string
		if err := json.Unmarshal(s, &obj); err != nil || len(obj) != 1 {
			return nil, errors.New("an object must be {\"base64\": ...} or {\"text_base64\": ...}")
		}
		if b64, ok := obj["base64"]; ok {
			return base64.StdEncoding.DecodeString(b64)
		}
		if b64, ok := obj["text_base64"]; ok {
			b, err := base64.StdEncoding.DecodeString(b64)
			return string(b), err
		}
		return nil, errors.New("an object must be {\"base64\": ...} or {\"text_base64\": ...}")
	case slices.Contains([]byte("-0123456789"), s[0]):
		if bytes.ContainsAny(s, ".eE") {
			return strconv.ParseFloat(string(s), 64)
		}
		return strconv.ParseInt(string(s), 10, 64)
	}
	return nil, fmt.Errorf("value %.20s is not a stored value", s)
}
