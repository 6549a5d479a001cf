package eventlog

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// The XES reader is a scanner specialised to XES: a tree of elements whose
// data sits in the attributes of flat, mostly self-closing elements
// (<string key="concept:name" value="A"/>). It finds tags with
// bytes.IndexByte over a large buffer, reads key and value in place and
// allocates only for a trace's case id and for names not seen before
// (activities, resources and lifecycle values are interned). Text between
// tags carries nothing in XES and is skipped; DTDs, comments, processing
// instructions and CDATA are skipped whole.

// Element kinds on the scanner's stack.
const (
	elLog uint8 = iota + 1
	elTrace
	elEvent
	elAttr  // an attribute element that has children (list, container) or an end tag
	elOther // global, extension, classifier, anything else
)

type xesElem struct {
	kind uint8
	name string
}

// xesHeader is the header Sniff shows for an XES log.
var xesHeader = []string{"case:concept:name", "concept:name", "time:timestamp", "lifecycle:transition", "org:resource"}

// errStop ends a read early without an error for the caller.
var errStop = errors.New("stop")

type xesReader struct {
	src       io.Reader
	buf       []byte
	pos, end  int
	line      int // newlines before buf[pos]
	eof       bool
	loc       *time.Location
	in        interner
	bad       badRows
	emit      func(Event) error
	stack     []xesElem
	seenLog   bool
	process   string
	caseID    string
	traceLine int
	pending   []Event
	cur       Event
	curErr    RowError // first problem of the current event, Kind 0 when none
	scratch   []byte
	srcErr    error
}

func newXESReader(src io.Reader, bufSize int, loc *time.Location, emit func(Event) error) *xesReader {
	return &xesReader{src: src, buf: make([]byte, bufSize), loc: loc, in: interner{}, emit: emit}
}

// run scans the whole log.
func (x *xesReader) run() error {
	for {
		i := bytes.IndexByte(x.buf[x.pos:x.end], '<')
		if i < 0 {
			x.advance(x.end - x.pos)
			if !x.fill() {
				break
			}
			continue
		}
		x.advance(i)
		n, err := x.tagLen()
		if err != nil {
			return err
		}
		if n < 0 {
			return &FileError{Kind: Truncated, Line: x.line + 1}
		}
		if err := x.tag(x.buf[x.pos:x.pos+n], x.line+1); err != nil {
			return err
		}
		x.advance(n)
	}
	if x.srcErr != nil {
		return x.srcErr
	}
	if !x.seenLog {
		return &FileError{Kind: BadXML, Line: x.line + 1, Err: errors.New("no <log> element")}
	}
	if len(x.stack) > 0 {
		return &FileError{Kind: Truncated, Line: x.line + 1}
	}
	return x.bad.err()
}

func (x *xesReader) advance(n int) {
	x.line += bytes.Count(x.buf[x.pos:x.pos+n], []byte{'\n'})
	x.pos += n
}

// fill reads more input, keeping buf[pos:end]; false at the end of input.
func (x *xesReader) fill() bool {
	if x.eof {
		return false
	}
	if x.pos > 0 {
		x.end = copy(x.buf, x.buf[x.pos:x.end])
		x.pos = 0
	}
	if x.end == len(x.buf) {
		x.buf = append(x.buf, make([]byte, len(x.buf))...)
	}
	for {
		n, err := x.src.Read(x.buf[x.end:])
		x.end += n
		if err != nil {
			x.eof = true
			if err != io.EOF {
				x.srcErr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// tagLen returns the length of the markup starting at buf[pos] ('<'),
// -1 when the input ends inside it.
func (x *xesReader) tagLen() (int, error) {
	for x.end-x.pos < 9 && x.fill() {
	}
	if x.srcErr != nil {
		return 0, x.srcErr
	}
	p := x.buf[x.pos:x.end]
	if len(p) > 1 && (p[1] == '!' || p[1] == '?') {
		return x.specialLen(p)
	}
	// The common case: the first '>' ends the tag when no quote before it
	// is left open (attribute values may hold '>').
	if i := bytes.IndexByte(p, '>'); i > 0 {
		t := p[:i]
		if bytes.IndexByte(t, '\'') < 0 && bytes.Count(t, []byte{'"'})%2 == 0 {
			return i + 1, nil
		}
	}
	// Otherwise: '>' outside quoted attribute values ends it.
	off, quote := 1, byte(0)
	for {
		b := x.buf[x.pos:x.end]
		for ; off < len(b); off++ {
			c := b[off]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				return off + 1, nil
			}
		}
		if !x.fill() {
			return -1, x.srcErr
		}
	}
}

// specialLen is the length of a comment, processing instruction, CDATA
// section or declaration at the start of p.
func (x *xesReader) specialLen(p []byte) (int, error) {
	term := ">"
	switch {
	case bytes.HasPrefix(p, []byte("<!--")):
		term = "-->"
	case bytes.HasPrefix(p, []byte("<?")):
		term = "?>"
	case bytes.HasPrefix(p, []byte("<![CDATA[")):
		term = "]]>"
	}
	off := 2
	for {
		if i := bytes.Index(x.buf[x.pos+off:x.end], []byte(term)); i >= 0 {
			return off + i + len(term), nil
		}
		off = max(2, x.end-x.pos-len(term))
		if !x.fill() {
			return -1, x.srcErr
		}
	}
}

// tag handles one piece of markup t at line.
func (x *xesReader) tag(t []byte, line int) error {
	if len(t) < 3 || t[1] == '?' || t[1] == '!' {
		return nil
	}
	if t[1] == '/' {
		return x.endTag(trimSpace(t[2:len(t)-1]), line)
	}
	selfClosing := t[len(t)-2] == '/'
	nameEnd := 1
	for nameEnd < len(t) && !isXMLSpace(t[nameEnd]) && t[nameEnd] != '/' && t[nameEnd] != '>' {
		nameEnd++
	}
	name := t[1:nameEnd]
	if len(name) == 0 {
		return &FileError{Kind: BadXML, Line: line}
	}
	if !x.seenLog {
		if string(name) != "log" {
			return &FileError{Kind: BadXML, Line: line, Err: errors.New("not an XES log")}
		}
		x.seenLog = true
	} else if len(x.stack) == 0 {
		return &FileError{Kind: BadXML, Line: line, Err: errors.New("content after </log>")}
	}
	var el xesElem
	switch string(name) {
	case "log":
		el = xesElem{elLog, "log"}
	case "trace":
		el = xesElem{elTrace, "trace"}
		x.caseID, x.traceLine, x.pending = "", line, x.pending[:0]
	case "event":
		el = xesElem{elEvent, "event"}
		x.cur = Event{Line: line, Process: x.process}
		x.curErr = RowError{}
	case "string", "date", "int", "float", "boolean", "id", "list", "container":
		if err := x.attribute(t[nameEnd:], line); err != nil {
			return err
		}
		el = xesElem{elAttr, constName(name)}
	default:
		el = xesElem{elOther, string(name)}
	}
	if selfClosing {
		return x.closed(el.kind)
	}
	x.stack = append(x.stack, el)
	return nil
}

func constName(name []byte) string {
	switch string(name) {
	case "string":
		return "string"
	case "date":
		return "date"
	case "int":
		return "int"
	case "float":
		return "float"
	case "boolean":
		return "boolean"
	case "id":
		return "id"
	case "list":
		return "list"
	}
	return "container"
}

func (x *xesReader) endTag(name []byte, line int) error {
	if len(x.stack) == 0 || x.stack[len(x.stack)-1].name != string(name) {
		return &FileError{Kind: BadXML, Line: line, Err: errors.New("unexpected </" + string(name) + ">")}
	}
	kind := x.stack[len(x.stack)-1].kind
	x.stack = x.stack[:len(x.stack)-1]
	return x.closed(kind)
}

// closed finishes an element of the given kind.
func (x *xesReader) closed(kind uint8) error {
	switch kind {
	case elEvent:
		return x.endEvent()
	case elTrace:
		return x.endTrace()
	}
	return nil
}

// attribute reads key and value of an attribute element whose parent is
// the log, a trace or an event; deeper ones (inside lists) are ignored.
func (x *xesReader) attribute(attrs []byte, line int) error {
	if len(x.stack) == 0 {
		return nil
	}
	parent := x.stack[len(x.stack)-1].kind
	if parent != elLog && parent != elTrace && parent != elEvent {
		return nil
	}
	key, val, ok := keyValue(attrs)
	if !ok {
		return &FileError{Kind: BadXML, Line: line, Err: errors.New("bad attribute")}
	}
	if bytes.IndexByte(val, '&') >= 0 {
		x.scratch = unescape(x.scratch[:0], val)
		val = x.scratch
	}
	switch parent {
	case elLog:
		if string(key) == "concept:name" {
			x.process = validUTF8(string(val))
		}
	case elTrace:
		if string(key) == "concept:name" {
			x.caseID = validUTF8(string(trimSpace(val)))
		}
	case elEvent:
		switch string(key) {
		case "concept:name":
			x.cur.Activity = x.in.bytes(trimSpace(val))
		case "time:timestamp":
			t, ok := parseTime(val, x.loc)
			if !ok && x.curErr.Kind == 0 {
				x.curErr = RowError{Line: x.cur.Line, Column: "time:timestamp", Value: string(val), Kind: BadTimestamp}
			}
			x.cur.Time = t
		case "lifecycle:transition":
			x.cur.Lifecycle = x.in.lower(trimSpace(val))
		case "org:resource":
			x.cur.Resource = x.in.bytes(trimSpace(val))
		}
	}
	return nil
}

func (x *xesReader) endEvent() error {
	e := x.curErr
	switch {
	case e.Kind != 0:
	case x.cur.Activity == "":
		e = RowError{Line: x.cur.Line, Column: "concept:name", Kind: EmptyValue}
	case x.cur.Time.IsZero():
		e = RowError{Line: x.cur.Line, Column: "time:timestamp", Kind: EmptyValue}
	}
	if e.Kind != 0 {
		if x.bad.add(e) {
			return errStop
		}
		return nil
	}
	x.pending = append(x.pending, x.cur)
	return nil
}

// endTrace emits the trace's events, now that its case id is known
// wherever in the trace it stood.
func (x *xesReader) endTrace() error {
	if x.caseID == "" {
		if len(x.pending) > 0 && x.bad.add(RowError{Line: x.traceLine, Column: "case:concept:name", Kind: EmptyValue}) {
			return errStop
		}
		return nil
	}
	for i := range x.pending {
		x.pending[i].Case = x.caseID
		if err := x.emit(x.pending[i]); err != nil {
			return err
		}
	}
	return nil
}

// keyValue finds the key and value attributes in the rest of a tag.
func keyValue(t []byte) (key, val []byte, ok bool) {
	i := 0
	for {
		for i < len(t) && isXMLSpace(t[i]) {
			i++
		}
		if i >= len(t) || t[i] == '/' || t[i] == '>' {
			return key, val, true
		}
		ns := i
		for i < len(t) && t[i] != '=' && !isXMLSpace(t[i]) && t[i] != '>' {
			i++
		}
		name := t[ns:i]
		for i < len(t) && isXMLSpace(t[i]) {
			i++
		}
		if i >= len(t) || t[i] != '=' {
			return nil, nil, false
		}
		i++
		for i < len(t) && isXMLSpace(t[i]) {
			i++
		}
		if i >= len(t) || (t[i] != '"' && t[i] != '\'') {
			return nil, nil, false
		}
		q := t[i]
		j := bytes.IndexByte(t[i+1:], q)
		if j < 0 {
			return nil, nil, false
		}
		v := t[i+1 : i+1+j]
		switch string(name) {
		case "key":
			key = v
		case "value":
			val = v
		}
		i += j + 2
	}
}

// trimSpace is bytes.TrimSpace for XML's spaces, quick on the usual
// value that has none.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isXMLSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// unescape appends v with XML's character references resolved; an
// unknown reference is kept as written.
func unescape(dst, v []byte) []byte {
	for len(v) > 0 {
		i := bytes.IndexByte(v, '&')
		if i < 0 {
			return append(dst, v...)
		}
		dst = append(dst, v[:i]...)
		v = v[i:]
		j := bytes.IndexByte(v, ';')
		if j < 0 || j > 12 {
			dst = append(dst, '&')
			v = v[1:]
			continue
		}
		ref := string(v[1:j])
		switch {
		case ref == "lt":
			dst = append(dst, '<')
		case ref == "gt":
			dst = append(dst, '>')
		case ref == "amp":
			dst = append(dst, '&')
		case ref == "quot":
			dst = append(dst, '"')
		case ref == "apos":
			dst = append(dst, '\'')
		case strings.HasPrefix(ref, "#"):
			r, ok := charRef(ref[1:])
			if !ok {
				dst = append(dst, v[:j+1]...)
				break
			}
			dst = append(dst, string(r)...)
		default:
			dst = append(dst, v[:j+1]...)
		}
		v = v[j+1:]
	}
	return dst
}

func charRef(s string) (rune, bool) {
	base := 10
	if strings.HasPrefix(s, "x") {
		base, s = 16, s[1:]
	}
	if s == "" {
		return 0, false
	}
	var r rune
	for _, c := range s {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case base == 16 && c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*rune(base) + d
		if r > 0x10ffff {
			return 0, false
		}
	}
	return r, true
}

// interner keeps one copy of each repeated value (activities, resources),
// so that a large log's events share their strings. It stops growing at
// a bound, for columns whose values are all different.
type interner map[string]string

const internMax = 1 << 16

func (in interner) bytes(b []byte) string {
	if s, ok := in[string(b)]; ok {
		return s
	}
	s := validUTF8(string(b))
	if len(in) < internMax {
		in[s] = s
	}
	return s
}

func (in interner) str(s string) string {
	if v, ok := in[s]; ok {
		return v
	}
	s = validUTF8(strings.Clone(s))
	if len(in) < internMax {
		in[s] = s
	}
	return s
}

// validUTF8 replaces what is not UTF-8 (a stray byte in a file that is
// mostly UTF-8, an XES written in another encoding) with U+FFFD, so that
// every string out of this package can be stored as text.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// lower interns b in lower case (lifecycle values are compared so).
func (in interner) lower(b []byte) string {
	for _, c := range b {
		if c >= 'A' && c <= 'Z' {
			return in.str(strings.ToLower(string(b)))
		}
	}
	return in.bytes(b)
}
