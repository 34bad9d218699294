import type { FrameLocator, Page } from '@playwright/test';

/**
 * Where a panel's page object looks: the page, or an embed's frame (`page.frameLocator('#e')`);
 * both find things by role, label and test id.
 */
export type Root = Page | FrameLocator;
