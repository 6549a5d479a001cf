package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// TestEveryKeyHasText reads the package's source for every Key constant
// and checks both catalogs have it: a key declared but never given a text
// would show users its raw name.
func TestEveryKeyHasText(t *testing.T) {
	pkgs, err := parser.ParseDir(token.NewFileSet(), ".", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, pkg := range pkgs {
		for _, f := range pkg.Files {
			ast.Inspect(f, func(node ast.Node) bool {
				spec, ok := node.(*ast.ValueSpec)
				if !ok || spec.Type == nil || len(spec.Values) != 1 {
					return true
				}
				if id, ok := spec.Type.(*ast.Ident); !ok || id.Name != "Key" {
					return true
				}
				lit, ok := spec.Values[0].(*ast.BasicLit)
				if !ok {
					return true
				}
				key, _ := strconv.Unquote(lit.Value)
				n++
				for lang, cat := range catalogs {
					if _, ok := cat[Key(key)]; !ok {
						t.Errorf("%s (%s) has no %s text", spec.Names[0].Name, key, lang)
					}
				}
				return true
			})
		}
	}
	if n < 100 {
		t.Fatalf("found only %d keys: the scan is broken", n)
	}
}
