// Package secret seals small values, such as OAuth tokens, before they are
// stored, so that a copy of the database (a backup, a dump handed to
// support) does not hand out access to the CRM.
//
// The key comes from the SECRET_KEY setting. A sealed value is
//
//	version (1 byte) | nonce (12 bytes) | AES-256-GCM ciphertext and tag
//
// The version byte lets the format or the key derivation change later while
// values sealed today can still be told apart and opened; it is also
// authenticated, so flipping it is detected like any other tampering.
package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"unicode/utf8"
)

// MinKeyLength is the shortest SECRET_KEY accepted, in characters. The key
// derivation below adds no resistance to guessing, so the setting itself
// must be long; 32 random characters are far beyond any search.
const MinKeyLength = 32

// version1 is the only format so far: HKDF-SHA-256 key, AES-256-GCM, a
// random 96-bit nonce.
const version1 byte = 1

const (
	nonceSize = 12
	tagSize   = 16
	overhead  = 1 + nonceSize + tagSize
)

// hkdfInfo binds the derived key to this use: another feature deriving its
// own key from the same SECRET_KEY with a different label gets an unrelated
// key, so one setting can serve several purposes without key reuse.
const hkdfInfo = "processet secret box v1"

var (
	// ErrOpen means the sealed value does not authenticate: it was sealed
	// under another SECRET_KEY, or it was altered. Nothing about the plain
	// value can be trusted then, and callers must not use it.
	ErrOpen = errors.New("secret: cannot open: wrong SECRET_KEY or tampered data")
	// ErrMalformed means the value is not in any format Box writes: too short
	// to hold a nonce and a tag, or of an unknown version.
	ErrMalformed = errors.New("secret: malformed sealed data")
)

// Box seals and opens values with one key. It is safe for concurrent use.
type Box struct {
	aead cipher.AEAD
}

// NewBox derives the encryption key from the SECRET_KEY setting.
//
// The setting is a string a person generated and typed into the
// environment, not 32 uniformly random bytes, so it is not used as the AES
// key directly. HKDF (RFC 5869) with SHA-256 from the standard library
// turns it into a uniform 256-bit key and labels that key with its purpose;
// a bare SHA-256 would do the first part but not the second.
func NewBox(key string) (*Box, error) {
	if n := utf8.RuneCountInString(key); n < MinKeyLength {
		return nil, fmt.Errorf("secret: SECRET_KEY has %d characters, want at least %d", n, MinKeyLength)
	}
	k, err := hkdf.Key(sha256.New, []byte(key), nil, hkdfInfo, 32)
	if err != nil {
		return nil, fmt.Errorf("secret: derive key: %w", err)
	}
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, fmt.Errorf("secret: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("secret: %w", err)
	}
	return &Box{aead: aead}, nil
}

// Seal encrypts and authenticates plain. Every call draws a fresh random
// nonce, so sealing the same value twice gives different bytes; with
// 96-bit random nonces a key stays safe for billions of seals, far more
// than a token refreshed daily will ever need. The error is for formats to
// come; this one cannot fail.
func (b *Box) Seal(plain []byte) ([]byte, error) {
	out := make([]byte, 1+nonceSize, overhead+len(plain))
	out[0] = version1
	nonce := out[1:]
	_, _ = rand.Read(nonce) // never fails: it crashes the program instead
	return b.aead.Seal(out, nonce, plain, header), nil
}

// header is the authenticated data of version 1: the version byte itself.
var header = []byte{version1}

// Open checks and decrypts a value made by Seal. A wrong key and any
// change to the bytes both give ErrOpen; a value Seal could not have made
// gives ErrMalformed.
func (b *Box) Open(sealed []byte) ([]byte, error) {
	if len(sealed) < overhead {
		return nil, fmt.Errorf("%w: %d bytes, want at least %d", ErrMalformed, len(sealed), overhead)
	}
	if sealed[0] != version1 {
		return nil, fmt.Errorf("%w: unknown version %d", ErrMalformed, sealed[0])
	}
	nonce, body := sealed[1:1+nonceSize], sealed[1+nonceSize:]
	plain, err := b.aead.Open(nil, nonce, body, header)
	if err != nil {
		return nil, ErrOpen
	}
	return plain, nil
}
