/**
 * The diagnosis tab's page: static HTML whose only loaded resource is the extension's stylesheet,
 * under a CSP that allows no script; every string the person typed (the error, the bank's name)
 * reaches the page escaped.
 */
import assert from 'node:assert/strict';
import type { DiagnosisView } from '../../../src/core/diagnosisView';
import { diagnosisHtml, type DiagnosisPage } from '../../../src/host/diagnosisPanelHtml';

const PAGE: DiagnosisPage = {
  lang: 'en',
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/diagnosis.css',
  actionsHint: 'Use the buttons at the top right.',
};

const CRAFTED = '<img src=x onerror="alert(1)">';

/** A view holding the crafted string in every place a string goes. */
function craftedView(): DiagnosisView {
  return {
    title: `T ${CRAFTED}`,
    attemptLine: `A ${CRAFTED}`,
    messageLine: `M ${CRAFTED}`,
    cooldown: `C ${CRAFTED}`,
    findingsHeading: `H ${CRAFTED}`,
    findings: [
      {
        title: `F ${CRAFTED}`,
        likelihood: 'high',
        likelihoodText: `L ${CRAFTED}`,
        summary: `S ${CRAFTED}`,
        evidenceFor: [`E ${CRAFTED}`],
        evidenceAgainst: [`G ${CRAFTED}`],
        actions: [`D ${CRAFTED}`],
      },
    ],
    noFindings: `N ${CRAFTED}`,
    generalStepsHeading: `X ${CRAFTED}`,
    generalSteps: [`Y ${CRAFTED}`],
    historyLine: `J ${CRAFTED}`,
    labels: { evidence: 'Why', against: 'Against', actions: 'What to do', cooldown: 'Wait', colon: ': ' },
    disclaimer: `Z ${CRAFTED}`,
  };
}

const ESCAPED = '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;';

describe('host diagnosisPanelHtml', () => {
  it('has a CSP that allows nothing but styles from the extension: no script, no inline style', () => {
    const html = diagnosisHtml(craftedView(), PAGE);
    const csps = html.match(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/g);
    assert.deepEqual(csps, [
      '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src https://file+.vscode-resource.vscode-cdn.net">',
    ]);
  });

  it('loads only the extension’s stylesheet and holds no script, inline style or event handler', () => {
    const html = diagnosisHtml(craftedView(), PAGE);
    assert.deepEqual(html.match(/<link [^>]*>/g), ['<link rel="stylesheet" href="https://file+.vscode-resource.vscode-cdn.net/ext/media/diagnosis.css">']);
    assert.equal(/<script/i.test(html), false);
    assert.equal(/<style/i.test(html), false);
    assert.equal(/ style=/i.test(html), false);
    assert.equal(/<img/i.test(html), false);
    assert.equal(/ onerror="/i.test(html), false);
  });

  it('escapes a crafted string wherever the view puts one', () => {
    const html = diagnosisHtml(craftedView(), PAGE);
    for (const marker of ['T', 'A', 'M', 'C', 'H', 'F', 'L', 'S', 'E', 'G', 'D', 'N', 'X', 'Y', 'J', 'Z']) {
      assert.ok(html.includes(`${marker} ${ESCAPED}`), `${marker} escaped`);
    }
    assert.ok(html.includes(`<title>T ${ESCAPED}</title>`));
    assert.ok(html.includes(`<aside class="cooldown" role="note"><strong>Wait</strong>: C ${ESCAPED}</aside>`));
  });

  it('escapes the stylesheet address and the CSP source too (they are attributes)', () => {
    const html = diagnosisHtml(craftedView(), { ...PAGE, cspSource: 'a"b', styleUri: 'x"><script>' });
    assert.ok(html.includes('content="default-src &#39;none&#39;; style-src a&quot;b"'));
    assert.ok(html.includes('<link rel="stylesheet" href="x&quot;&gt;&lt;script&gt;">'));
  });

  it('lays out a finding: number, title, likelihood, summary, then why, against and what to do', () => {
    const html = diagnosisHtml(craftedView(), PAGE);
    assert.ok(
      html.includes(
        `<section class="finding finding-high"><h3><span class="number">1.</span> F ${ESCAPED} <span class="likelihood">L ${ESCAPED}</span></h3>` +
          `<p>S ${ESCAPED}</p><h4>Why</h4><ul><li>E ${ESCAPED}</li></ul><h4>Against</h4><ul><li>G ${ESCAPED}</li></ul>` +
          `<h4>What to do</h4><ol><li>D ${ESCAPED}</li></ol></section>`,
      ),
    );
  });

  it('leaves out what the view does not have: no cooldown, findings, steps or empty sections', () => {
    const view: DiagnosisView = {
      ...craftedView(),
      messageLine: null,
      cooldown: null,
      findings: [{ ...craftedView().findings[0]!, evidenceFor: [], evidenceAgainst: [], actions: [] }],
      noFindings: null,
      generalStepsHeading: null,
      generalSteps: [],
    };
    const html = diagnosisHtml(view, PAGE);
    assert.equal(html.includes('<aside'), false);
    assert.equal(html.includes('<h4>'), false);
    assert.equal(html.includes(`X ${ESCAPED}`), false);
    assert.equal(html.includes(`N ${ESCAPED}`), false);
    assert.ok(html.includes(`<ul class="facts"><li>A ${ESCAPED}</li><li>J ${ESCAPED}</li></ul>`));
  });

  it('marks the page’s language: zh-CN for Simplified, zh-TW for Traditional Chinese, en otherwise', () => {
    assert.ok(diagnosisHtml(craftedView(), { ...PAGE, lang: 'zh-cn' }).includes('<html lang="zh-CN">'));
    assert.ok(diagnosisHtml(craftedView(), { ...PAGE, lang: 'zh-tw' }).includes('<html lang="zh-TW">'));
    assert.ok(diagnosisHtml(craftedView(), PAGE).includes('<html lang="en">'));
  });
});
