-- as data-service's V4 and registry-service's V6: the content may live in any blob store now
alter table legacy_reference drop constraint legacy_reference_content_hash_fkey;
