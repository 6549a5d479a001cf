package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"processet/domain"
	"processet/quickadd"
)

// TestEveryErrorAndProblemHasText fails when a domain error key or a
// quick-add problem code has no key here, or its key no text in either
// language: the user would see the generic error or the raw key instead.
// It checks the lists the two packages keep and, so that a constant left
// out of its list is caught too, every constant of the two types in
// their source.
func TestEveryErrorAndProblemHasText(t *testing.T) {
	has := func(what string, k Key, ok bool) {
		t.Helper()
		for lang, cat := range catalogs {
			if _, in := cat[k]; !ok || k == "" || !in {
				t.Errorf("%s: no %s text (key %q)", what, lang, k)
			}
		}
	}
	for _, v := range domain.ErrorKeys {
		k, ok := ErrorName(v)
		has("domain error "+string(v), k, ok)
	}
	for _, v := range quickadd.ProblemCodes {
		has("quick-add problem "+string(v), ProblemName(v), true)
	}
	for _, v := range constantsOf(t, "../domain", "ErrorKey") {
		k, ok := ErrorName(domain.ErrorKey(v))
		has("domain error constant "+v, k, ok)
	}
	for _, v := range constantsOf(t, "../quickadd", "ProblemCode") {
		has("quick-add problem constant "+v, ProblemName(quickadd.ProblemCode(v)), true)
	}
}

// constantsOf returns the values of the string constants of type typ
// declared in the package in dir (its tests left out).
func constantsOf(t *testing.T, dir, typ string) []string {
	t.Helper()
	pkgs, err := parser.ParseDir(token.NewFileSet(), dir, func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, pkg := range pkgs {
		for _, f := range pkg.Files {
			ast.Inspect(f, func(node ast.Node) bool {
				spec, ok := node.(*ast.ValueSpec)
				if !ok || len(spec.Values) != 1 {
					return true
				}
				if id, ok := spec.Type.(*ast.Ident); !ok || id.Name != typ {
					return true
				}
				if lit, ok := spec.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					v, _ := strconv.Unquote(lit.Value)
					out = append(out, v)
				}
				return true
			})
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s constants in %s: the scan is broken", typ, dir)
	}
	return out
}

// TestErrorKeysAreConstants fails when code outside the domain builds a
// domain error from a string literal: Go lets an untyped literal pass as
// a domain.ErrorKey, and such a key would escape the lists above.
func TestErrorKeysAreConstants(t *testing.T) {
	fset := token.NewFileSet()
	literal := func(e ast.Expr) bool {
		lit, ok := e.(*ast.BasicLit)
		return ok && lit.Kind == token.STRING
	}
	isName := func(e ast.Expr, name string) bool {
		switch e := e.(type) {
		case *ast.Ident:
			return e.Name == name
		case *ast.SelectorExpr:
			return e.Sel.Name == name
		}
		return false
	}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(node ast.Node) bool {
			switch n := node.(type) {
			case *ast.CallExpr:
				if isName(n.Fun, "NewError") && len(n.Args) == 2 && literal(n.Args[1]) {
					t.Errorf("%s: NewError with a literal key", fset.Position(n.Pos()))
				}
			case *ast.CompositeLit:
				if n.Type == nil || !isName(n.Type, "Error") {
					return true
				}
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok && isName(kv.Key, "Key") && literal(kv.Value) {
						t.Errorf("%s: domain.Error with a literal key", fset.Position(kv.Pos()))
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
