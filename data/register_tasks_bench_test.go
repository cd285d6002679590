package data_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// BenchmarkSyncRecordTasks times bringing the tasks of 1,000 risks, each
// with a review date and treatment actions, up to date: the first time,
// which makes 2,000 tasks, and again when nothing changed, as on opening
// the task list.
func BenchmarkSyncRecordTasks(b *testing.B) {
	ctx := data.WithActor(context.Background(), "Bench")
	ws, err := sqlite.New().Create(ctx, filepath.Join(b.TempDir(), "bench.smsdb"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ws.Close() })
	recs := make([]data.Record, 1000)
	for i := range recs {
		recs[i] = data.Record{Register: "risks", Values: map[string]string{
			"title": fmt.Sprintf("Risk %d", i), "kind": "risk", "likelihood": "3", "impact": "4", "treatment": "reduce",
			"actions": "Do something", "review_date": fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28)}}
	}
	if _, err := ws.SaveRecords(ctx, "risks", recs); err != nil {
		b.Fatal(err)
	}
	b.Run("first", func(b *testing.B) {
		for range b.N {
			b.StopTimer()
			for _, t := range mustTasks(b, ws) {
				if err := ws.DeleteTask(ctx, t); err != nil {
					b.Fatal(err)
				}
			}
			b.StartTimer()
			if _, err := data.SyncRecordTasks(ctx, ws); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		for range b.N {
			if sum, err := data.SyncRecordTasks(ctx, ws); err != nil || sum != (data.TaskSyncSummary{}) {
				b.Fatal(sum, err)
			}
		}
	})
}

func mustTasks(b *testing.B, ws data.TaskService) []data.Task {
	tasks, err := ws.Tasks(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return tasks
}
