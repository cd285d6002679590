package data

import "context"

type actorKey struct{}

// WithActor returns a context naming the person working, whom storage records
// in the audit trail for every write made with it.
func WithActor(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, actorKey{}, name)
}

// ActorFrom returns the person named by WithActor, or "unknown".
func ActorFrom(ctx context.Context) string {
	if s, ok := ctx.Value(actorKey{}).(string); ok && s != "" {
		return s
	}
	return "unknown"
}
