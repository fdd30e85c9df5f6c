# syntax=docker/dockerfile:1
# The race engineer as an image: the same `race-engineer serve` the tested cluster runs (docs/cluster.md).
# Not built on the development machine (no registry to pull the base image from there); a test
# (src/server/deploy.test.ts) checks every command and variable here against the CLI and src/config.ts.

# --- web client build (needs the dev dependencies) ---
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- production dependencies only ---
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# --- the image ---
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATABASE_PATH=/data/race-engineer.db \
    CHATS_DB_PATH=/data/chats.db \
    ANALYSIS_DB_PATH=/data/analysis.db \
    ANALYSIS_CACHE_DIR=/data/cache \
    RULEBOOK_DB_PATH=/index/rulebook.db
COPY --from=deps /app/node_modules ./node_modules
COPY --from=web /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY src ./src
# The node user of the base image (uid 1000) owns the data and index volumes; the app files stay root's.
RUN mkdir -p /data /index && chown node:node /data /index
VOLUME ["/data", "/index"]
USER node
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8000/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/race-engineer.js", "serve"]
