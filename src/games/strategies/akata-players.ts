// The scripted opponents of the repeated-games study (Akata et al. 2025; eliaka/repeatedgames@224a605
// pd/query_main.py and bos/query_main.py; spec section 2). They play labels by position: the first label is
// the study's "J" (cooperate in the PD, player 1's favourite in the battle of the sexes), the second its "F".
import { defineLabelStrategy } from './define-strategy.js';

const SRC = 'Akata et al. 2025 (arXiv 2305.16867); eliaka/repeatedgames@224a605; spec §2';

/** act_j: always the first option (J). */
export const actJ = defineLabelStrategy({ name: 'act-j', stochastic: false, memoryDepth: 0, source: SRC }, () => 0);

/** act_f: always the second option (F). */
export const actF = defineLabelStrategy({ name: 'act-f', stochastic: false, memoryDepth: 0, source: SRC }, () => 1);

/** act_defect_once: F in round 1, then J for ever (defects once in the PD). */
export const defectOnce = defineLabelStrategy({ name: 'defect-once', stochastic: false, memoryDepth: 0, source: SRC }, (obs) =>
  obs.round === 1 ? 1 : 0,
);

/** act_jf: J, F, J, F, ... (alternating, starting with J). */
export const alternateJF = defineLabelStrategy({ name: 'alternate-jf', stochastic: false, memoryDepth: 0, source: SRC }, (obs) =>
  obs.round % 2 === 1 ? 0 : 1,
);

/** act_fj: F, J, F, J, ... (alternating, starting with F). */
export const alternateFJ = defineLabelStrategy({ name: 'alternate-fj', stochastic: false, memoryDepth: 0, source: SRC }, (obs) =>
  obs.round % 2 === 1 ? 1 : 0,
);
