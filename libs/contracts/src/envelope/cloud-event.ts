/**
 * CloudEvents 1.0 envelope, structured JSON mode, with Cloudwright's extensions.
 * https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md
 */
export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';

export interface CloudEvent<T = unknown> {
  specversion: typeof CLOUDEVENTS_SPEC_VERSION;
  /** UUID; also the outbox row id, the `Nats-Msg-Id` and the inbox key. */
  id: string;
  /** Producer, e.g. `cloudwright/orchestrator` or `cloudwright/cli`. */
  source: string;
  /** `io.cloudwright.<domain>.<entity>.<past-verb>.v<N>` */
  type: string;
  /** RFC 3339 timestamp. */
  time: string;
  /** What the event is about, e.g. the deployment id or `stack/environment`; also the ordering key of the outbox. */
  subject?: string;
  datacontenttype: typeof JSON_CONTENT_TYPE;
  dataschema?: string;
  /** Extension: id shared by every event of one business flow (one deployment across all services). */
  correlationid: string;
  /** Extension: id of the event or command that caused this one. */
  causationid?: string;
  data: T;
}
