#!/usr/bin/env bash
# Run by the elasticsearch-setup service of docker-compose.yml, in the Elasticsearch image, as root.
# 1. On first start: a certificate authority and the node's HTTPS certificate (kept in a volume),
#    and a copy of the CA certificate alone for the clients that must trust it.
# 2. Once the node answers: the role and user search-service connects with, and Kibana's password,
#    set again on every start so that changing them in .env is enough.
set -euo pipefail

cd /usr/share/elasticsearch
certs=config/certs
public=/ca-public
es=https://elasticsearch:9200

if [ ! -f "$certs/ca/ca.crt" ]; then
  echo "Making the certificate authority"
  bin/elasticsearch-certutil ca --silent --pem --out "$certs/ca.zip"
  unzip -q -o "$certs/ca.zip" -d "$certs"
fi
if [ ! -f "$certs/elasticsearch/elasticsearch.crt" ]; then
  echo "Making the certificate of the node"
  printf 'instances:\n  - name: elasticsearch\n    dns: [elasticsearch, localhost]\n    ip: [127.0.0.1]\n' \
    > "$certs/instances.yml"
  bin/elasticsearch-certutil cert --silent --pem --in "$certs/instances.yml" --out "$certs/certs.zip" \
    --ca-cert "$certs/ca/ca.crt" --ca-key "$certs/ca/ca.key"
  unzip -q -o "$certs/certs.zip" -d "$certs"
fi
# The node runs as uid 1000 in group 0: group-readable keys. Clients get the CA certificate only.
chown -R root:root "$certs"
find "$certs" -type d -exec chmod 750 {} +
find "$certs" -type f -exec chmod 640 {} +
cp "$certs/ca/ca.crt" "$public/ca.crt"
chmod 644 "$public/ca.crt"

# JSON string contents: backslashes and quotes escaped.
json() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }
call() {
  curl -fsS --retry 5 --cacert "$certs/ca/ca.crt" -u "elastic:${ELASTIC_PASSWORD}" \
    -H 'Content-Type: application/json' "$@" > /dev/null
}

echo "Waiting for Elasticsearch"
until curl -s --cacert "$certs/ca/ca.crt" "$es" | grep -q "missing authentication credentials"; do
  sleep 5
done

echo "Role newsroom_search and user newsroom-search"
# What search-service needs and no more: cluster health, its index template, the news* indices and aliases.
call -X PUT "$es/_security/role/newsroom_search" -d '{
  "cluster": ["monitor", "manage_index_templates"],
  "indices": [{"names": ["news*"], "privileges": ["all"]}]
}'
call -X PUT "$es/_security/user/newsroom-search" \
  -d "{\"password\": \"$(json "${SEARCH_ELASTICSEARCH_PASSWORD}")\", \"roles\": [\"newsroom_search\"]}"

if [ -n "${KIBANA_PASSWORD:-}" ]; then
  echo "Password of kibana_system"
  call -X POST "$es/_security/user/kibana_system/_password" \
    -d "{\"password\": \"$(json "${KIBANA_PASSWORD}")\"}"
fi
echo "Elasticsearch is set up"
