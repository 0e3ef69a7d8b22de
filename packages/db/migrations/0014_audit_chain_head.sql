-- Appends one event to the audit hash chain in a single statement: waits for the chain's advisory
-- lock (held to the end of the transaction), reads the hash of the last event and inserts the
-- new one linked to it. Every tip appends an event and appends take turns until their commit, so
-- each client round trip while the lock is held would be paid by every append queued behind it.
--
-- A VOLATILE PL/pgSQL function takes a fresh snapshot for each statement: in READ COMMITTED the
-- head is read after the lock is granted and is the event committed just before.
--
-- The caller computes the canonical form (@trace/domain canonicalAuditEvent, a JSON array whose
-- last element is the previous hash) and gives it up to that element, `...,"`; the hash is
-- sha256(prev || '\n' || canonical) in hex, as `auditHash` computes it, which verifies the chain.
CREATE FUNCTION trace_append_audit_event(
  p_at timestamptz,
  p_actor_id uuid,
  p_action text,
  p_entity_type text,
  p_entity_id text,
  p_reason text,
  p_genesis_hash text,
  p_canonical_head text
) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev text;
BEGIN
  PERFORM pg_advisory_xact_lock(1953653091);
  SELECT hash INTO prev FROM audit_events ORDER BY seq DESC LIMIT 1;
  prev := coalesce(prev, p_genesis_hash);
  INSERT INTO audit_events (at, actor_id, action, entity_type, entity_id, reason, prev_hash, hash)
  VALUES (p_at, p_actor_id, p_action, p_entity_type, p_entity_id, p_reason, prev,
    encode(sha256(convert_to(prev || E'\n' || p_canonical_head || prev || '"]', 'UTF8')), 'hex'));
END;
$$;
