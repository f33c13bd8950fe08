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
#include "imp-format.h"
#include "imp-preferences.h"
#include "imp-session.h"
#include "imp-window-private.h"

/**
 * ImpApplication:
 *
 * Opens one window per document: a new map with no arguments, or each file
 * given on the command line. A file already open is presented, not opened
 * twice. At start-up it offers to restore what a crash left unsaved.
 */
struct _ImpApplication
{
  AdwApplication parent_instance;

  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (ImpApplication, imp_application, ADW_TYPE_APPLICATION)

static ImpWindow *
open_new_map (ImpApplication *self)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal (_("New goal"));
  ImpWindow *window = imp_window_new (self);

  imp_map_set_vocabulary (map, imp_preferences_get_default_vocabulary ());
  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
offer_recovery (ImpApplication *self)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  imp_session_offer_recovery (GTK_APPLICATION (self));
}

static void
imp_application_activate (GApplication *application)
{
  ImpApplication *self = IMP_APPLICATION (application);

  open_new_map (self);
  offer_recovery (self);
}

/* A window that holds nothing worth keeping: a new map, never edited. */
static gboolean
is_pristine (GtkWindow *window)
{
  return IMP_IS_WINDOW (window) &&
         imp_window_get_file (IMP_WINDOW (window)) == NULL &&
         imp_window_get_map (IMP_WINDOW (window)) != NULL &&
         !_imp_window_files_is_modified (IMP_WINDOW (window)) &&
         imp_map_get_n_nodes (imp_window_get_map (IMP_WINDOW (window))) <= 1;
}

/**
 * imp_application_open_file:
 * @file: the `.impactmap` file to show
 *
 * Presents the window that already shows @file, or shows it in the active
 * window if that holds an untouched new map, or else in a new window.
 *
 * Returns: (transfer none): the window showing @file
 */
ImpWindow *
imp_application_open_file (ImpApplication *self,
                           GFile          *file)
{
  g_autoptr(ImpMap) map = NULL;
  g_auto(GStrv) warnings = NULL;
  GtkWindow *active;
  ImpWindow *window;

  g_return_val_if_fail (IMP_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!IMP_IS_WINDOW (l->data))
        continue;
      shown = imp_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        {
          gtk_window_present (l->data);
          return l->data;
        }
    }

  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (active != NULL && is_pristine (active))
    window = IMP_WINDOW (active);
  else
    window = imp_window_new (self);

  /* A big file is read and laid out in a thread while the window shows
   * it is opening it. */
  if (_imp_window_files_open_in_thread (window, file))
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  /* A file with repairable problems opens repaired, saying what changed;
   * anything else (a new file, an error page) is the window's to show. */
  map = imp_format_load_file_with_warnings (file, &warnings, NULL);
  if (map != NULL)
    imp_window_set_map (window, map, file);
  else
    imp_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));

  if (warnings != NULL)
    {
      g_autofree char *list = g_strjoinv ("\n", warnings);
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      /* Translators: %s is a list of repairs, one per line */
      body = g_strdup_printf (_("Some links did not fit the levels of their cards. They "
                                "were repaired; save to keep the repairs.\n\n%s"), list);
      dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Map Repaired"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
      gtk_window_present (GTK_WINDOW (dialog));
      _imp_window_files_set_modified (window);
    }

  return window;
}

static void
imp_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  ImpApplication *self = IMP_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    imp_application_open_file (self, files[i]);

  offer_recovery (self);
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

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (imp_preferences_new (parent)));
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action_cb },
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

  imp_session_start (GTK_APPLICATION (self));
  imp_preferences_follow_style (GTK_APPLICATION (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
}

static void
imp_application_shutdown (GApplication *application)
{
  /* Every window was saved or discarded before it closed: a clean end,
   * so no draft of this run is offered at the next start. */
  imp_session_finish ();

  G_APPLICATION_CLASS (imp_application_parent_class)->shutdown (application);
}

static void
imp_application_class_init (ImpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->shutdown = imp_application_shutdown;
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
