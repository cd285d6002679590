package app

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and translations/en.json")

// TestEnglishListsEveryString keeps translations/en.json complete, so that a
// translator can start from it: every literal passed to lang.L is a key.
func TestEnglishListsEveryString(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	used := map[string]string{}
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "L" {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				used[s] = s
			}
			return true
		})
	}
	// Screen titles reach lang.L through the registry.
	for _, d := range screens() {
		used[d.title] = d.title
	}
	if *update {
		b, _ := json.MarshalIndent(used, "", "  ")
		if err := os.WriteFile("translations/en.json", append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var have map[string]string
	if err := json.Unmarshal(b, &have); err != nil {
		t.Fatalf("en.json: %v", err)
	}
	// go-i18n refuses some words as keys (Description, Other, One…); the
	// real loader finds them.
	if err := LoadTranslations(); err != nil {
		t.Errorf("translations do not load: %.200s", err)
	}
	var missing []string
	for k := range used {
		if _, ok := have[k]; !ok {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	for _, k := range missing {
		t.Errorf("en.json lacks %q (run go test -tags ci ./app -run English -update)", k)
	}
}
