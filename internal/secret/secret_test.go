package secret_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"processet/internal/secret"
)

const (
	testKey  = "k7QpX2vN9rLm4TzW8bYc1HsD6gFj3EuA" // 32 characters
	otherKey = "Zq5Wn8Rt2Yx7Lp4Km9Vb3Hc6Gd1Fs0Ja"
)

func newBox(t *testing.T, key string) *secret.Box {
	t.Helper()
	b, err := secret.NewBox(key)
	if err != nil {
		t.Fatalf("NewBox: %v", err)
	}
	return b
}

func seal(t *testing.T, b *secret.Box, plain string) []byte {
	t.Helper()
	sealed, err := b.Seal([]byte(plain))
	if err != nil {
		t.Fatalf("Seal: %v", err)
	}
	return sealed
}

func TestNewBoxKeyLength(t *testing.T) {
	tests := []struct {
		key string
		ok  bool
	}{
		{"", false},
		{strings.Repeat("a", 31), false},
		{strings.Repeat("a", 32), true},
		{strings.Repeat("ключ", 8), true}, // 32 characters, 64 bytes
		{strings.Repeat("ключ", 7) + "abc", false},
		{strings.Repeat("x", 200), true},
	}
	for _, tt := range tests {
		_, err := secret.NewBox(tt.key)
		if got := err == nil; got != tt.ok {
			t.Errorf("NewBox(%d characters): err = %v, want ok %v", len([]rune(tt.key)), err, tt.ok)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	b := newBox(t, testKey)
	for _, plain := range []string{"", "x", "def50200" + strings.Repeat("token", 100)} {
		sealed := seal(t, b, plain)
		// A random ciphertext can hold any short string by chance; a
		// long one appearing is the leak worth catching.
		if len(plain) >= 8 && bytes.Contains(sealed, []byte(plain)) {
			t.Errorf("sealed bytes contain the plain text %q", plain)
		}
		got, err := b.Open(sealed)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if string(got) != plain {
			t.Errorf("Open = %q, want %q", got, plain)
		}
	}
	// Another Box from the same setting opens it: the key is derived, not random.
	if got, err := newBox(t, testKey).Open(seal(t, b, "again")); err != nil || string(got) != "again" {
		t.Errorf("Open with a second box from the same key = %q, %v", got, err)
	}
}

func TestWrongKey(t *testing.T) {
	sealed := seal(t, newBox(t, testKey), "access token")
	got, err := newBox(t, otherKey).Open(sealed)
	if !errors.Is(err, secret.ErrOpen) || got != nil {
		t.Fatalf("Open with another key = %q, %v; want ErrOpen", got, err)
	}
	if !strings.Contains(err.Error(), "wrong SECRET_KEY") {
		t.Errorf("error %q does not point at the key", err)
	}
}

func TestTamper(t *testing.T) {
	b := newBox(t, testKey)
	sealed := seal(t, b, "refresh token")
	for i := range sealed {
		changed := bytes.Clone(sealed)
		changed[i] ^= 0x01
		_, err := b.Open(changed)
		want := secret.ErrOpen
		if i == 0 {
			want = secret.ErrMalformed // the version byte names another format
		}
		if !errors.Is(err, want) {
			t.Errorf("byte %d flipped: err = %v, want %v", i, err, want)
		}
	}
	if _, err := b.Open(append(bytes.Clone(sealed), 0)); !errors.Is(err, secret.ErrOpen) {
		t.Errorf("byte appended: err = %v, want ErrOpen", err)
	}
	if _, err := b.Open(sealed[:len(sealed)-1]); !errors.Is(err, secret.ErrOpen) {
		t.Errorf("last byte cut: err = %v, want ErrOpen", err)
	}
}

func TestShortInput(t *testing.T) {
	b := newBox(t, testKey)
	sealed := seal(t, b, "")
	for n := range len(sealed) {
		if _, err := b.Open(sealed[:n]); !errors.Is(err, secret.ErrMalformed) {
			t.Errorf("%d bytes: err = %v, want ErrMalformed", n, err)
		}
	}
	if _, err := b.Open(nil); !errors.Is(err, secret.ErrMalformed) {
		t.Errorf("nil: err = %v, want ErrMalformed", err)
	}
}

func TestNonceUniqueness(t *testing.T) {
	b := newBox(t, testKey)
	const n = 2000
	seen := make(map[string]bool, n)
	for range n {
		sealed := seal(t, b, "the same plain text")
		if sealed[0] != 1 {
			t.Fatalf("version byte = %d, want 1", sealed[0])
		}
		nonce := string(sealed[1:13])
		if seen[nonce] {
			t.Fatalf("nonce %x repeated", nonce)
		}
		seen[nonce] = true
	}
}
