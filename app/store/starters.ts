/** Starter projects: a Dockerfile and its context, each showing one common shape of image. */
import { STARTER_DOCKERFILE } from './starter.ts';
import { STARTER_FILES, type WorkspaceFile } from './workspaceSlice.ts';

export interface Starter {
  id: string;
  name: string;
  dockerfile: string;
  files: WorkspaceFile[];
}

export const STARTERS: Starter[] = [
  { id: 'python', name: 'Python web app', dockerfile: STARTER_DOCKERFILE, files: STARTER_FILES },
  {
    id: 'node',
    name: 'Node app',
    dockerfile: `# A small Node.js app: dependencies first, so source edits keep them cached
FROM node:24-slim
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
USER node
EXPOSE 3000
CMD ["node", "server.js"]
`,
    files: [
      {
        path: 'package.json',
        content:
          '{\n  "name": "hello",\n  "version": "1.0.0",\n  "dependencies": {\n    "express": "^4.19.2"\n  }\n}\n',
      },
      {
        path: 'package-lock.json',
        content:
          '{\n  "name": "hello",\n  "version": "1.0.0",\n  "lockfileVersion": 3,\n  "packages": {}\n}\n',
      },
      {
        path: 'server.js',
        content:
          "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('Hello from a container!'));\napp.listen(3000);\n",
      },
      { path: '.dockerignore', content: 'node_modules\nnpm-debug.log\n' },
    ],
  },
  {
    id: 'nginx',
    name: 'Static site with nginx',
    dockerfile: `# A static site: the web server's image plus your files, nothing else
FROM nginx:stable
COPY site/ /usr/share/nginx/html/
EXPOSE 80
`,
    files: [
      {
        path: 'site/index.html',
        content: '<!doctype html>\n<title>Hello</title>\n<h1>Hello from a container!</h1>\n',
      },
      { path: 'site/style.css', content: 'h1 { font-family: sans-serif; }\n' },
    ],
  },
  {
    id: 'multistage',
    name: 'Multi-stage build',
    dockerfile: `# Build in one stage, ship only the result: the build tools never reach the final image
FROM debian:bookworm-slim AS build
WORKDIR /src
COPY main.txt .
RUN mkdir -p /out \\
 && dd if=/dev/zero of=/opt/toolchain.bin bs=1M count=40 \\
 && sed 's/^/compiled: /' main.txt > /out/server \\
 && chmod 755 /out/server

FROM debian:bookworm-slim
COPY --from=build /out/server /usr/local/bin/server
CMD ["server"]
`,
    files: [{ path: 'main.txt', content: 'package main\nfunc main() { println("hi") }\n' }],
  },
  {
    id: 'scratch',
    name: 'From scratch',
    dockerfile: `# The empty image: only what you copy in exists
FROM scratch
COPY hello /hello
CMD ["/hello"]
`,
    files: [{ path: 'hello', content: '#!/bin/sh\necho hello\n' }],
  },
];
