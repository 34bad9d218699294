/**
 * The Docker Engine version the simulated daemon reports where Docker writes its own version
 * (an image's DockerVersion after a legacy-builder build or a commit on the overlay2 store).
 * Docker 28.5 is the release Layerlab is checked against (conformance/).
 */
export const DOCKER_VERSION = '28.5.2';
