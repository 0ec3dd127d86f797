// Plain data of a drift report: what differs between the deployed revision
// and the cluster, on the fields kubegate applied, and who changed it when.
import type { ObjectRef } from '../core/types.js';

/** One field of a member whose live value differs from the deployed revision. */
export interface DriftedField {
  /** Dotted path; list items by index ("spec.template.spec.containers[0].image"). */
  path: string;
  /** The value in the deployed revision (Secret values masked). */
  before: unknown;
  /** The live value; undefined when the field is gone (Secret values masked). */
  after: unknown;
  /** The field manager that owns the field now (e.g. kubectl-scale), when known. */
  manager?: string;
  /** The subresource the change went through ("scale" for kubectl scale). */
  subresource?: string;
  /** When that manager last changed the object (managedFields[].time; the server leaves it out for some subresource updates). */
  time?: string;
}

export interface DriftedObject {
  ref: ObjectRef;
  /** "changed": fields differ; "deleted": the member is gone from the cluster. */
  state: 'changed' | 'deleted';
  fields: DriftedField[];
}

export interface DriftReport {
  environment: string;
  /** The deployed revision compared with (a commit sha), when known. */
  revision?: string;
  /** Members compared. */
  checked: number;
  drifted: DriftedObject[];
}
