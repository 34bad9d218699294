/** The Dockerfile a learner sees on a first visit: a small Python app, one idea per line. */
export const STARTER_DOCKERFILE = `# A small Python web app
FROM debian:bookworm-slim
WORKDIR /app
COPY requirements.txt .
RUN apt-get update \\
 && apt-get install -y --no-install-recommends python3 python3-pip \\
 && pip3 install --break-system-packages -r requirements.txt
COPY . .
EXPOSE 8000
CMD ["python3", "app.py"]
`;
