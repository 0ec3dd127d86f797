// What admission matching knows about one request.
import type { Operation } from '../types.js';
import type { Labels } from './match-label-selector.js';

export interface AdmissionAttributes {
  operation: Operation;
  group: string;
  version: string;
  kind: string;
  resource: string;
  namespaced: boolean;
  /** Effective namespace ('' for cluster-scoped objects). */
  namespace: string;
  name: string;
  /** Labels of the object at head (absent on DELETE). */
  labels?: Labels;
  /** Labels of the object at base (absent on CREATE). */
  oldLabels?: Labels;
  /** Labels of the namespace the object is in (or of the Namespace itself); see namespace-labels.ts. */
  namespaceLabels: Labels;
}
