/* imp-application.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-a11y.h"
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
 * twice. Its session lists the documents and, at start-up, offers to
 * restore what a crash left unsaved.
 */
struct _ImpApplication
{
  AdwApplication parent_instance;

  ImpSession    *session;
  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (ImpApplication, imp_application, ADW_TYPE_APPLICATION)

static ImpWindow *
open_new_map (ImpApplication *self)
{
  g_autoptr(ImpMap) map = NULL;
  ImpWindow *window = imp_window_new (self);

  map = imp_map_new_for_vocabulary (_("New goal"), imp_preferences_get_default_vocabulary ());
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

  imp_session_offer_recovery (self->session,
                              gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* A restored document: presented in the window that shows it, or in a new
 * one. */
static void
show_document_cb (ImpApplication *self,
                  ImpDocument    *document)
{
  ImpWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (IMP_IS_WINDOW (l->data) && imp_window_get_document (l->data) == document)
      window = l->data;

  if (window == NULL)
    window = imp_window_new_for_document (self, document);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * imp_application_get_session:
 *
 * Returns: (transfer none): the documents open in this run, and their drafts
 */
ImpSession *
imp_application_get_session (ImpApplication *self)
{
  g_return_val_if_fail (IMP_IS_APPLICATION (self), NULL);

  return self->session;
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
  ImpDocument *document = IMP_IS_WINDOW (window) ? imp_window_get_document (IMP_WINDOW (window))
                                                 : NULL;

  return document != NULL &&
         imp_window_get_file (IMP_WINDOW (window)) == NULL &&
         imp_window_get_map (IMP_WINDOW (window)) != NULL &&
         !imp_document_get_modified (document) &&
         !imp_document_get_loading (document) &&
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
  ImpDocument *open;
  GtkWindow *active;
  ImpWindow *window;

  g_return_val_if_fail (IMP_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  open = imp_session_find_document (self->session, file);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self));
       open != NULL && l != NULL; l = l->next)
    if (IMP_IS_WINDOW (l->data) && imp_window_get_document (l->data) == open)
      {
        gtk_window_present (l->data);
        return l->data;
      }

  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (active != NULL && is_pristine (active))
    window = IMP_WINDOW (active);
  else
    window = imp_window_new (self);

  /* Read and laid out in a thread, whatever the size, while the window
   * shows it is opening the file; a file with repairable problems opens
   * repaired, saying what changed. */
  imp_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));

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

/* Every new toplevel (message dialogs, file choosers, the about window)
 * gets the same accessible names as the main window when it is shown. */
static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (window, "imp-a11y-on-map") != NULL)
        continue;
      g_object_set_data (window, "imp-a11y-on-map", GINT_TO_POINTER (TRUE));
      imp_a11y_repair_on_map (GTK_WIDGET (window));
    }
}

static void
imp_application_startup (GApplication *application)
{
  ImpApplication *self = IMP_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (imp_application_parent_class)->startup (application);
  /* Dialogs too get accessible names GTK 4.8 would not give them. */
  imp_a11y_watch_toplevels ();

  g_set_application_name (_("Impact Mapper"));
  g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                    G_CALLBACK (toplevels_changed_cb), NULL);

  if (!imp_session_start (self->session, &error))
    g_warning ("Autosave is off: %s", error->message);
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
  /* GTK gives this key only to a gtk/help-overlay.ui it builds with every
   * window; the shortcuts window is built on first use instead. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
}

static void
imp_application_shutdown (GApplication *application)
{
  /* Every window was saved or discarded before it closed: a clean end,
   * so no draft of this run is offered at the next start. */
  imp_session_finish (IMP_APPLICATION (application)->session);

  G_APPLICATION_CLASS (imp_application_parent_class)->shutdown (application);
}

static void
imp_application_dispose (GObject *object)
{
  ImpApplication *self = IMP_APPLICATION (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (imp_application_parent_class)->dispose (object);
}

static void
imp_application_class_init (ImpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = imp_application_dispose;

  app_class->shutdown = imp_application_shutdown;
  app_class->startup = imp_application_startup;
  app_class->activate = imp_application_activate;
  app_class->open = imp_application_open;
}

static void
imp_application_init (ImpApplication *self)
{
  self->session = imp_session_new (NULL);
  g_signal_connect_object (self->session, "show-document",
                           G_CALLBACK (show_document_cb), self, G_CONNECT_SWAPPED);
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
