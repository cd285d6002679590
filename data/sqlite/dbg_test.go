package sqlite
import ("testing";"os";"path/filepath")
func TestDbgJournal(t *testing.T){
	dir:=t.TempDir()
	p:=crashedInRollbackMode(t, dir, "c.smsdb")
	a,_:=os.Stat(p); j,_:=os.Stat(p+"-journal")
	t.Logf("file %d journal %d", a.Size(), j.Size())
	src := filepath.Join(t.TempDir(), "live.smsdb")
	demoWorkspaceFile(t, src)
	b,_:=os.Stat(src); t.Logf("demo %d", b.Size())
}
