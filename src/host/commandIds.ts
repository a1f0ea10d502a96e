/**
 * Every command id in one place. A unit test checks this map against `package.json`
 * `contributes.commands`, so the two cannot drift.
 */
export const COMMAND_IDS = {
  diagnose: 'cardDoctor.diagnose',
  generateAppeal: 'cardDoctor.generateAppeal',
  generateBankInquiry: 'cardDoctor.generateBankInquiry',
  recordAttempt: 'cardDoctor.recordAttempt',
  openJournal: 'cardDoctor.openJournal',
  showLastDiagnosis: 'cardDoctor.showLastDiagnosis',
  copyLetterAsText: 'cardDoctor.copyLetterAsText',
  writeEvidencePack: 'cardDoctor.writeEvidencePack',
  recordBankAnswer: 'cardDoctor.recordBankAnswer',
} as const;

export type CommandName = keyof typeof COMMAND_IDS;

/** The sidebar form's webview view, as contributed in package.json `contributes.views`. */
export const FORM_VIEW_ID = 'cardDoctor.form';

/** The diagnosis' editor panel (`WebviewPanel.viewType`); its title bar carries the next steps. */
export const DIAGNOSIS_PANEL_TYPE = 'cardDoctor.diagnosis';
