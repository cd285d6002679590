package reports

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"smsbuilder/data"
)

// KindPrompt is the kind of a Prompt node.
var KindPrompt = ast.NewNodeKind("Prompt")

// Prompt is a prompt for the author in the Markdown tree (see
// data.PromptAt): the screen highlights it and a draft prints it, so that
// nobody mistakes a default for a decision.
type Prompt struct {
	ast.BaseInline
	Label string
}

// Kind implements ast.Node.
func (n *Prompt) Kind() ast.NodeKind { return KindPrompt }

// Dump implements ast.Node.
func (n *Prompt) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.Label}, nil)
}

// promptParser reads a prompt before the link parser can take its
// brackets for a link's.
type promptParser struct{}

func (promptParser) Trigger() []byte { return []byte{'['} }

func (promptParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	label, n, ok := data.PromptAt(string(line))
	if !ok {
		return nil
	}
	block.Advance(n)
	return &Prompt{Label: label}
}

// promptExtension adds prompts to the Markdown dialect.
type promptExtension struct{}

func (promptExtension) Extend(m goldmark.Markdown) {
	// Below the link parser's 200, so that it runs first.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(promptParser{}, 150)))
}
