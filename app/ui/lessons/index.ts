// The lessons in the lab: what App mounts.
export { CourseButton, CourseMap } from './CourseMap.tsx';
export { LessonLinks } from './LessonLinks.tsx';
export { LessonPane } from './LessonPane.tsx';
export { LessonBuilder } from './builder/LessonBuilder.tsx';
