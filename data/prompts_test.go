package data

import (
	"reflect"
	"testing"
)

func TestPrompts(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		removed    string
	}{
		{"none", "Every **quarter**.", nil, "Every **quarter**."},
		{"one", "Every **quarter** [[prompt: set your interval]].", []string{"set your interval"}, "Every **quarter**."},
		{"two in a line", "A [[prompt: x]] b [[prompt:  y ]]", []string{"x", "y"}, "A b"},
		{"repeated", "[[prompt: x]] [[prompt: x]]", []string{"x", "x"}, ""},
		{"unclosed", "A [[prompt: x", nil, "A [[prompt: x"},
		{"empty", "A [[prompt: ]] b", nil, "A [[prompt: ]] b"},
		{"across lines", "A [[prompt: x\ny]]", nil, "A [[prompt: x\ny]]"},
		{"after a broken one", "[[prompt: [[prompt: z]]", []string{"z"}, "[[prompt:"},
		{"to fill is not a prompt", "[to fill: the SMS owner]", nil, "[to fill: the SMS owner]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Prompts(tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Prompts(%q) = %q, want %q", tc.text, got, tc.want)
			}
			if got := RemovePrompts(tc.text); got != tc.removed {
				t.Errorf("RemovePrompts(%q) = %q, want %q", tc.text, got, tc.removed)
			}
		})
	}
}

func TestCheckNoPrompts(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"tailored", "Every **quarter**.", ""},
		{"one", "Every **quarter** [[prompt: set your interval]].",
			"SMS-DOC-05 cannot be approved: it still has a prompt to tailor: “set your interval”. Replace each [[prompt: …]] with your own text, then approve."},
		{"three", "[[prompt: a]] [[prompt: b]] [[prompt: c]]",
			"SMS-DOC-05 cannot be approved: it still has 3 prompts to tailor: “a”, “b” and “c”. Replace each [[prompt: …]] with your own text, then approve."},
		{"many", "[[prompt: a]][[prompt: b]][[prompt: c]][[prompt: d]][[prompt: e]][[prompt: f]][[prompt: g]]",
			"SMS-DOC-05 cannot be approved: it still has 7 prompts to tailor: “a”, “b”, “c”, “d”, “e” and 2 more. Replace each [[prompt: …]] with your own text, then approve."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckNoPrompts("SMS-DOC-05", tc.body)
			got := ""
			if err != nil {
				got = ErrorMessage(err)
				if ErrorCode(err) != EInvalid {
					t.Errorf("code = %q, want %q", ErrorCode(err), EInvalid)
				}
			}
			if got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}
