package eventlog

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf8"
)

// sniffSize is how much of the unpacked log Sniff looks at to tell the
// format, the encoding and the delimiter.
const sniffSize = 64 << 10

// stream is the unpacked log, buffered, with a count of the bytes
// consumed for progress.
type stream struct {
	br        *bufio.Reader
	count     *countingReader
	total     int64
	container Container
	member    string
	close     func() error
	bufSize   int // what readers above should buffer: less for a small file
}

// maxBuf is the buffer for a large log; a small one gets just its size,
// which keeps Sniff of a short file (and fuzzing) cheap.
const maxBuf = 256 << 10

func bufFor(size int64) int {
	return int(min(max(size+16, 4096), maxBuf))
}

// open unpacks r: gzip and zip are recognised by their magic bytes, not
// by the file's name.
func open(r io.ReaderAt, size int64) (*stream, error) {
	var magic [4]byte
	n, _ := r.ReadAt(magic[:], 0)
	sec := io.NewSectionReader(r, 0, size)
	st := &stream{total: size, close: func() error { return nil }, bufSize: maxBuf}
	switch {
	case n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		st.count = &countingReader{r: sec}
		zr, err := gzip.NewReader(bufio.NewReaderSize(st.count, 64<<10))
		if err != nil {
			return nil, &FileError{Kind: Corrupt, Err: err}
		}
		st.container = Gzip
		st.br = bufio.NewReaderSize(corruptReader{zr}, maxBuf)
		st.close = zr.Close
	case n >= 4 && string(magic[:2]) == "PK":
		f, err := zipMember(r, size)
		if err != nil {
			return nil, err
		}
		rc, err := f.Open()
		if err != nil {
			return nil, &FileError{Kind: Corrupt, Err: err}
		}
		st.container, st.member = Zip, f.Name
		st.total = int64(f.UncompressedSize64)
		st.count = &countingReader{r: corruptReader{rc}}
		st.bufSize = bufFor(st.total)
		st.br = bufio.NewReaderSize(st.count, st.bufSize)
		st.close = rc.Close
	default:
		st.count = &countingReader{r: sec}
		st.bufSize = bufFor(size)
		st.br = bufio.NewReaderSize(st.count, st.bufSize)
	}
	return st, nil
}

// zipMember finds the one log in a zip, skipping folders and the files
// macOS adds; an Excel workbook (itself a zip) is named as such.
func zipMember(r io.ReaderAt, size int64) (*zip.File, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &FileError{Kind: Corrupt, Err: err}
	}
	var found []*zip.File
	for _, f := range zr.File {
		name := f.Name
		if name == "[Content_Types].xml" || strings.HasPrefix(name, "xl/") {
			return nil, &FileError{Kind: ExcelFile}
		}
		base := path.Base(name)
		if strings.HasSuffix(name, "/") || strings.HasPrefix(name, "__MACOSX/") || strings.HasPrefix(base, ".") {
			continue
		}
		found = append(found, f)
	}
	if len(found) != 1 {
		return nil, &FileError{Kind: ZipEntries}
	}
	return found[0], nil
}

// detect tells XES from CSV by the first characters of the unpacked log.
func detect(prefix []byte) (Format, error) {
	p := bytes.TrimPrefix(prefix, bom)
	p = bytes.TrimLeft(p, " \t\r\n")
	switch {
	case len(p) == 0:
		return "", &FileError{Kind: UnknownFormat}
	case p[0] == '<':
		return XES, nil
	case bytes.IndexByte(prefix, 0) >= 0:
		return "", &FileError{Kind: UnknownFormat}
	}
	return CSV, nil
}

var bom = []byte{0xef, 0xbb, 0xbf}

// detectEncoding: a BOM means UTF-8; text that is not valid UTF-8 is
// taken for Windows-1251, which is what Russian Excel and 1C write.
func detectEncoding(prefix []byte, complete bool) Encoding {
	if bytes.HasPrefix(prefix, bom) {
		return UTF8BOM
	}
	p := prefix
	if !complete {
		// the cut may fall inside a character
		for k := 0; k < utf8.UTFMax-1 && len(p) > 0 && !utf8.Valid(p); k++ {
			p = p[:len(p)-1]
		}
	}
	if utf8.Valid(p) {
		return UTF8
	}
	return Windows1251
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// corruptReader turns the errors of an unpacking reader into a FileError,
// so that a damaged archive is told from a bad row above it.
type corruptReader struct{ r io.Reader }

func (c corruptReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err != nil && err != io.EOF {
		var fe *FileError
		if !errors.As(err, &fe) {
			err = &FileError{Kind: Corrupt, Err: err}
		}
	}
	return n, err
}
