/**
 * Helpers the generator's SQL uses, in a schema of their own that is dropped at the end. Every
 * random choice is a hash of the seed and a name (`<seed>:<what>:<row>`), so the rows come out
 * the same on every run and machine, and each statement can make any batch of rows on its own.
 * The one-expression SQL functions are inlined by the planner, so calling them costs an md5.
 */
export const CREATE_HELPERS = `
create schema scale_gen;

-- A float in [0, 1) from the first 32 bits of md5(key).
create function scale_gen.u(key text) returns double precision
  language sql immutable parallel safe
  as $$ select ('x' || substr(md5(key), 1, 8))::bit(32)::bigint::double precision / 4294967296.0 $$;

-- The i-th (0–3) 32-bit slice of a hex md5 digest as a float in [0, 1): four draws per md5.
create function scale_gen.ux(hex text, i int) returns double precision
  language sql immutable parallel safe
  as $$ select ('x' || substr(hex, 1 + 8 * i, 8))::bit(32)::bigint::double precision / 4294967296.0 $$;

-- A version-4-shaped uuid from md5(key): the format the API's schemas validate (z.uuid()).
create function scale_gen.uid(key text) returns uuid
  language sql immutable parallel safe
  as $$ select overlay(overlay(md5(key) placing '4' from 13) placing '8' from 17)::uuid $$;

-- 64 bits from md5(key), as image_hashes stores a perceptual hash (a signed bigint).
create function scale_gen.h64(key text) returns bigint
  language sql immutable parallel safe
  as $$ select ('x' || substr(md5(key), 1, 16))::bit(64)::bigint $$;

-- Hex digest of sha256(key): the shape of storage keys and of keyed receipt hashes.
create function scale_gen.hex256(key text) returns text
  language sql immutable parallel safe
  as $$ select encode(sha256(convert_to(key, 'UTF8')), 'hex') $$;

create function scale_gen.pick(items anyarray, u double precision) returns anyelement
  language sql immutable parallel safe
  as $$ select items[1 + floor(u * cardinality(items))::int] $$;

-- The hash with \`bits\` bits flipped (a near-duplicate image); a bit drawn twice flips back.
create function scale_gen.flip(hash bigint, key text, bits int) returns bigint
  language sql immutable parallel safe
  as $$ select hash # coalesce(bit_xor(1::bigint << floor(64 * scale_gen.u(key || ':' || i))::int), 0)
        from generate_series(1, bits) i $$;

-- Six Crockford base32 symbols of the low 30 bits: an object reference's body.
create function scale_gen.crockford6(v bigint) returns text
  language sql immutable parallel safe
  as $$ select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((v >> (5 * (5 - i))) & 31)::int + 1, 1), '' order by i)
        from generate_series(0, 5) i $$;
`;

export const DROP_HELPERS = "drop schema if exists scale_gen cascade";
