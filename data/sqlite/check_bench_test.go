package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"smsbuilder/assets"
	"smsbuilder/data"
)

// benchDemo is a demo workspace file (31 documents, about 440 audit
// entries) with extra audit entries added up to entries in all, sealed as
// the app seals them.
func benchDemo(b *testing.B, entries int) string {
	b.Helper()
	ctx := actorCtx("Bench")
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "bench"+data.WorkspaceExt)
	ws := createAt(b, New(), path)
	if err := data.SeedDemo(ctx, ws, cat, assets.DemoLogo(), time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)); err != nil {
		b.Fatal(err)
	}
	err = inTx(ctx, ws.db, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow("SELECT count(*) FROM audit_trail").Scan(&n); err != nil {
			return err
		}
		for i := n; i < entries; i++ {
			changes := fmt.Sprintf(`[{"field":"status","from":"open","to":"done"},{"field":"notes","from":"","to":"Checked with the service desk on call %d"}]`, i)
			if _, err := tx.Exec("INSERT INTO audit_trail (at, actor, entity, entity_id, action, changes) VALUES (?, 'Daniel Okafor', 'task', ?, 'update', ?)",
				formatTime(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Minute)), fmt.Sprint(i%50+1), changes); err != nil {
				return err
			}
		}
		return sealTrail(ctx, tx)
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := ws.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// The quick check the app runs on every open: on the demo workspace, on
// one whose trail has 10,000 entries, and on one past quickChainEntries.
func BenchmarkQuickCheck(b *testing.B) {
	for _, entries := range []int{0, 10000, 50000} {
		name := "demo"
		if entries > 0 {
			name = fmt.Sprintf("%d-entries", entries)
		}
		b.Run(name, func(b *testing.B) {
			ws := openAt(b, New(), benchDemo(b, entries))
			for b.Loop() {
				p, err := ws.QuickCheck(context.Background())
				if err != nil || len(p) > 0 {
					b.Fatal(p, err)
				}
			}
		})
	}
}

// The whole of `smsbuilder check`, for comparison.
func BenchmarkCheck(b *testing.B) {
	for _, entries := range []int{0, 10000} {
		name := "demo"
		if entries > 0 {
			name = fmt.Sprintf("%d-entries", entries)
		}
		b.Run(name, func(b *testing.B) {
			path := benchDemo(b, entries)
			for b.Loop() {
				r, err := New().Check(context.Background(), path)
				if err != nil || !r.Sound() {
					b.Fatal(r.Problems, err)
				}
			}
		})
	}
}
