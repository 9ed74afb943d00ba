# syntax=docker/dockerfile:1
#
# K8Helper: a read-only Kubernetes assistant. Build: docker build -t k8helper:0.1.0 .
#
# The base is Node 24, not the Node 20 first planned: undici 8 (pulled in by @kubernetes/client-node 2 and
# @slack/socket-mode 3) crashes at import on Node 20 (zlib.createZstdDecompress is missing), and openai 7
# declares Node >= 22. The tag is pinned; bump it deliberately.

# ---- build: compile TypeScript to dist/ ----
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no dependency script is needed (esbuild's only checks its binary); the build runs below.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies and dist/ only, as the unprivileged `node` user ----
FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    HOME=/tmp
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no production dependency has an install script.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# The read-only RBAC rules: `k8helper demo` makes its simulated cluster enforce them.
COPY chart/k8helper/files ./chart/k8helper/files
# Caps V8's old space at half the container's memory limit unless NODE_OPTIONS already does.
COPY scripts/container-start.sh ./scripts/container-start.sh
# Files stay owned by root and read-only to the app; at run time it writes only to /tmp, so the root
# filesystem can be mounted read-only (the Helm chart does, with an emptyDir on /tmp).
# 1000 is the image's `node` user, given by number so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 8080
# The slim image has no curl: Node's own fetch probes the health endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/api/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/app/scripts/container-start.sh"]
CMD ["node", "dist/cli.js", "serve"]
