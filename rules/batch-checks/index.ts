/**
 * The explicit list of checks across the reports of one batch (contract: "Checks across the reports of one batch").
 * Adding one is adding a file and a line here.
 */
import type { BatchCheckRule } from '../../src/province/rule.ts';
import cumulativeDecrease from './cumulative-decrease.ts';
import duplicateReport from './duplicate-report.ts';
import peerOutlier from './peer-outlier.ts';
import rollupMismatch from './rollup-mismatch.ts';
import ytdMismatch from './ytd-mismatch.ts';

export const BATCH_CHECK_RULES: readonly BatchCheckRule[] = [cumulativeDecrease, ytdMismatch, rollupMismatch, duplicateReport, peerOutlier];
