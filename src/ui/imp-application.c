/* imp-application.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-application.h"
#include "imp-window.h"

/**
 * ImpApplication:
 *
 * Opens one window per document: a new map with no arguments, or each file
 * given on the command line.
 */
struct _ImpApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ImpApplication, imp_application, ADW_TYPE_APPLICATION)

static ImpWindow *
open_new_map (ImpApplication *self)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal (_("New goal"));
  ImpWindow *window = imp_window_new (self);

  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
imp_application_activate (GApplication *application)
{
  open_new_map (IMP_APPLICATION (application));
}

static void
imp_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  ImpApplication *self = IMP_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      ImpWindow *window = imp_window_new (self);

      imp_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  ImpApplication *self = IMP_APPLICATION (user_data);
  GList *windows;

  /* Closing windows one by one leaves room for a save prompt later. A copy,
   * because each window leaves the application's list as it closes. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
new_window_action_cb (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  open_new_map (IMP_APPLICATION (user_data));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  ImpApplication *self = IMP_APPLICATION (user_data);
  static const char *developers[] = {
    "The Impact Mapper developers",
    NULL
  };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Impact Mapper"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan from goals to deliverables: draw impact maps "
                                      "that connect what you build to why you build it."),
                        "developer-name", _("The Impact Mapper developers"),
                        "developers", developers,
                        "copyright", "© 2026 The Impact Mapper developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: replace with your name, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "new-window", new_window_action_cb },
};

static void
imp_application_startup (GApplication *application)
{
  ImpApplication *self = IMP_APPLICATION (application);

  G_APPLICATION_CLASS (imp_application_parent_class)->startup (application);

  g_set_application_name (_("Impact Mapper"));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window",
                                         (const char *[]) { "<Control>n", NULL });
}

static void
imp_application_class_init (ImpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = imp_application_startup;
  app_class->activate = imp_application_activate;
  app_class->open = imp_application_open;
}

static void
imp_application_init (ImpApplication *self)
{
}

/**
 * imp_application_new:
 *
 * Returns: (transfer full): the application
 */
ImpApplication *
imp_application_new (void)
{
  return g_object_new (IMP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/impactmapper/ImpactMapper",
                       NULL);
}
