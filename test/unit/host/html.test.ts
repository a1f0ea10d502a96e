/**
 * escapeHtml: every string a webview page shows goes through it, in element content and in
 * quoted attributes, so each of the five characters that can end either must come out inert.
 */
import assert from 'node:assert/strict';
import { escapeHtml } from '../../../src/host/html';

describe('host html: escapeHtml', () => {
  it('escapes the five characters that can open a tag or end an attribute', () => {
    assert.equal(escapeHtml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
  });

  it('turns a crafted script and an attribute break into text', () => {
    assert.equal(escapeHtml('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(escapeHtml('x" onload="alert(1)'), 'x&quot; onload=&quot;alert(1)');
    assert.equal(escapeHtml("x' onerror='y"), 'x&#39; onerror=&#39;y');
  });

  it('escapes an ampersand once, so an entity already written shows as typed', () => {
    assert.equal(escapeHtml('&lt;'), '&amp;lt;');
  });

  it('leaves every other character alone, Chinese and emoji included', () => {
    assert.equal(escapeHtml('银联 借记卡 — 🙂 `${x}` \\n'), '银联 借记卡 — 🙂 `${x}` \\n');
    assert.equal(escapeHtml(''), '');
  });
});
