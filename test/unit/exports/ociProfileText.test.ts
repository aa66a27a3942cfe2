/**
 * The text side of the OCI profile export: what the confirmation diff shows of a config file, and
 * how a profile is rewritten, for files the OCI CLI (Python configparser) reads differently from us.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskSecretEntries, setProfileEntries } from '../../../src/operations/exports/ociConfigText';

const SET = { fingerprint: 'aa:bb', key_file: '/k/new.pem' };

describe('OCI config text: masking what the confirmation shows', () => {
  it('masks a passphrase written as "key: value", as the OCI CLI reads it', () => {
    const shown = maskSecretEntries('[ci]\npass_phrase: hunter2\nPassword:hunter3\nregion: eu-frankfurt-1\n');
    assert.ok(!shown.includes('hunter2') && !shown.includes('hunter3'), shown);
    assert.equal(shown, '[ci]\npass_phrase: ****\nPassword:****\nregion: eu-frankfurt-1\n');
  });

  it('masks the first separator the OCI CLI uses, "=" or ":", whichever comes first', () => {
    const shown = maskSecretEntries('[ci]\npass_phrase: a=hunter2\npass_phrase=b:hunter4\n');
    assert.ok(!shown.includes('hunter2') && !shown.includes('hunter4'), shown);
  });

  it('masks a key_content whose PEM body goes on indented continuation lines, and keeps the lines after it', () => {
    const text = [
      '[inline]',
      'key_content=-----BEGIN PRIVATE KEY-----',
      '  MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
      '',
      '\tXyZsecretbodyline2',
      '  -----END PRIVATE KEY-----',
      'region=eu-paris-1',
      '  # a comment stays a comment',
      '',
    ].join('\r\n');
    const shown = maskSecretEntries(text);
    assert.ok(!/PRIVATE KEY|MIIEvQ|XyZsecret/.test(shown), shown);
    assert.equal(
      shown,
      ['[inline]', 'key_content=****', '  ****', '', '\t****', '  ****', 'region=eu-paris-1', '  # a comment stays a comment', ''].join(
        '\r\n',
      ),
    );
  });

  it('masks lines whose meaning is unclear, and leaves entries indented like their neighbours alone', () => {
    const shown = maskSecretEntries('[a]\n  user=u1\n  region=r1\n    hunter2-continued\nhunter5 on its own\n= hunter6\n[b\n');
    assert.ok(!/hunter/.test(shown), shown);
    assert.match(shown, /^ {2}user=u1$/m);
    assert.match(shown, /^ {2}region=r1$/m);
  });
});

describe('OCI config text: rewriting one profile', () => {
  it('keeps each untouched line its own line ending and adds none at the end of a file that had none', () => {
    const text = '[DEFAULT]\r\nregion=r\n\r\n[alice]\nfingerprint=old\r\nkey_file=/k/old.pem';
    assert.equal(setProfileEntries(text, 'alice', SET), '[DEFAULT]\r\nregion=r\n\r\n[alice]\nfingerprint=aa:bb\r\nkey_file=/k/new.pem');
    // A new profile appended to a file without a final newline: the last line gets one, the new last line none.
    assert.equal(
      setProfileEntries('[DEFAULT]\nregion=r', 'bob', SET),
      '[DEFAULT]\nregion=r\n\n[bob]\nfingerprint=aa:bb\nkey_file=/k/new.pem',
    );
    // A file with a final newline keeps one; a new file gets one.
    assert.equal(
      setProfileEntries('[DEFAULT]\nregion=r\n', 'bob', SET),
      '[DEFAULT]\nregion=r\n\n[bob]\nfingerprint=aa:bb\nkey_file=/k/new.pem\n',
    );
    assert.equal(setProfileEntries('', 'bob', SET), '[bob]\nfingerprint=aa:bb\nkey_file=/k/new.pem\n');
  });

  it('ends new lines the way most lines of the file end', () => {
    assert.equal(setProfileEntries('[a]\r\nx=1\r\ny=2\n', 'a', { z: '3' }), '[a]\r\nx=1\r\ny=2\nz=3\r\n');
  });

  it('removes a last entry of a file without a final newline without leaving one', () => {
    assert.equal(setProfileEntries('[a]\nx=1\npass_phrase=old', 'a', { x: '2' }, ['pass_phrase']), '[a]\nx=2');
  });

  it('refuses an entry it would have to change that the OCI CLI reads differently ("key: value", letter case)', () => {
    assert.throws(() => setProfileEntries('[a]\npass_phrase: old\n', 'a', SET, ['pass_phrase']), /line 2 .*pass_phrase.*key=value/i);
    assert.throws(() => setProfileEntries('[a]\nKey_File=/k/old.pem\n', 'a', SET), /line 2 .*key_file/i);
    // The same lines in another profile are left as they are.
    assert.doesNotThrow(() => setProfileEntries('[b]\npass_phrase: old\n\n[a]\nregion=r\n', 'a', SET, ['pass_phrase']));
  });

  it('refuses to change an entry whose value goes on over indented lines', () => {
    assert.throws(() => setProfileEntries('[a]\nkey_file=/k/old\n  .pem\nregion=r\n', 'a', SET), /line 3 .*key_file/i);
    assert.throws(() => setProfileEntries('[a]\npass_phrase=\n  old\n', 'a', SET, ['pass_phrase']), /line 3 .*pass_phrase/i);
    // Continuation lines of an entry left alone stay as they are.
    assert.equal(setProfileEntries('[a]\nnote=one\n  two\n', 'a', { region: 'r' }), '[a]\nnote=one\n  two\nregion=r\n');
  });
});
