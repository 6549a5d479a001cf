package telegramtest

import (
	"fmt"
	"strings"
	"testing"
)

// summary renders entities as "type@offset+length" for comparison.
func summary(ents []entity) string {
	var parts []string
	for _, e := range ents {
		s := fmt.Sprintf("%s@%d+%d", e.Type, e.Offset, e.Length)
		if e.URL != "" {
			s += " " + e.URL
		}
		if e.Language != "" {
			s += " " + e.Language
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func TestParseHTML(t *testing.T) {
	tests := []struct {
		in       string
		text     string
		entities string
	}{
		{"plain", "plain", ""},
		{"<b>bold</b> and <strong>strong</strong>", "bold and strong", "bold@0+4, bold@9+6"},
		{"<i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>", "ieunskd",
			"italic@0+1, italic@1+1, underline@2+1, underline@3+1, strikethrough@4+1, strikethrough@5+1, strikethrough@6+1"},
		{`<span class="tg-spoiler">a</span><tg-spoiler>b</tg-spoiler>`, "ab", "spoiler@0+1, spoiler@1+1"},
		{`<a href="https://example.com/?a=1&amp;b=2">link</a>`, "link", "text_link@0+4 https://example.com/?a=1&b=2"},
		{`<pre><code class="language-go">x := 1</code></pre>`, "x := 1", "pre@0+6 go"},
		{"<code>a &lt; b</code>", "a < b", "code@0+5"},
		{"<blockquote>q</blockquote><blockquote expandable>e</blockquote>", "qe", "blockquote@0+1, expandable_blockquote@1+1"},
		{`<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>`, "👍", "custom_emoji@0+2"},
		{"<b>😀<i>x</i></b>", "😀x", "bold@0+3, italic@2+1"},
		{"&lt;&gt;&amp;&quot;&#39;&#x41;", `<>&"'A`, ""},
		{"<B>upper</B>", "upper", "bold@0+5"},
		{"<b></b>x", "x", ""},
		{"<a href='https://example.com'><b>x</b></a>", "x", "text_link@0+1 https://example.com, bold@0+1"},
	}
	for _, tt := range tests {
		text, ents, err := parseHTML(tt.in)
		if err != nil {
			t.Errorf("parseHTML(%q): %v", tt.in, err)
			continue
		}
		if text != tt.text || summary(ents) != tt.entities {
			t.Errorf("parseHTML(%q) = %q [%s], want %q [%s]", tt.in, text, summary(ents), tt.text, tt.entities)
		}
	}
}

func TestParseHTMLErrors(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"<div>x</div>", `Unsupported start tag "div" at byte offset 0`},
		{"<br/>", `Unsupported start tag "br"`},
		{"<b>x", `Can't find end tag corresponding to start tag "b"`},
		{"<b><i>x</b></i>", `Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{"x</b>", "Unexpected end tag at byte offset 1"},
		{"<b>x</strong>", `expected "</b>", found "</strong>"`},
		{"R&D", `unescaped "&"`},
		{"&nbsp;", "unsupported HTML entity"},
		{"a < b", `unescaped "<" at byte offset 2`},
		{"a > b", `unescaped ">" at byte offset 2`},
		{"<b", "Can't find end of the tag"},
		{`<a href="x>y`, "unclosed attribute value"},
		{"<span>x</span>", `"span" must have class "tg-spoiler"`},
		{"<a>x</a>", `"a" without href`},
		{`<a href="?a=1&b=2">x</a>`, `attribute "href"`},
		{"<tg-emoji>x</tg-emoji>", "without emoji-id"},
		{"<code><b>x</b></code>", "code can't contain other entities"},
		{"<pre><b>x</b></pre>", "pre may only contain code"},
		{`<a href="x"><a href="y">z</a></a>`, "link inside a link"},
		{"<blockquote><blockquote expandable>x</blockquote></blockquote>", "blockquote inside a blockquote"},
		{"bad \xff byte", "invalid UTF-8 at byte offset 4"},
	}
	for _, tt := range tests {
		_, _, err := parseHTML(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseHTML(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestCheckFormattedLimits(t *testing.T) {
	tests := []struct {
		name      string
		source    string
		parseMode string
		limit     int
		want      string // part of the reason; "" for no problem
	}{
		{"at text limit", strings.Repeat("a", maxText), "", maxText, ""},
		{"over text limit", strings.Repeat("a", maxText+1), "", maxText, "4097 UTF-16"},
		{"markup is not counted", "<b>" + strings.Repeat("a", maxCaption) + "</b>", "HTML", maxCaption, ""},
		{"markup is counted without parse_mode", "<b>" + strings.Repeat("a", maxCaption) + "</b>", "", maxCaption, "1031 UTF-16"},
		{"an entity is one character", strings.Repeat("&lt;", maxCaption), "html", maxCaption, ""},
		{"astral characters count twice", strings.Repeat("𝟘", maxCaption/2+1), "", maxCaption, "1026 UTF-16"},
	}
	for _, tt := range tests {
		probs := checkFormatted("text", tt.source, tt.parseMode, tt.limit, true)
		var got string
		if len(probs) > 0 {
			got = probs[0].reason
		}
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s: problem %q, want %q", tt.name, got, tt.want)
		}
	}
}
